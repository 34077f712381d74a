"""A font that renders Chinese, chosen from what this machine has (the files name it for Word and PowerPoint)."""
from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

# in order of preference; the first found on the machine wins, the last is what Windows and macOS readers have
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "SimSun")
LATIN_FONT = "Calibri"


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """The preferred CJK font that fontconfig knows here, else a font every Chinese Windows has."""
    if shutil.which("fc-list"):
        families = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                                  timeout=10).stdout
        for name in CJK_FONTS:
            if name in families:
                return name
    return CJK_FONTS[-1]
