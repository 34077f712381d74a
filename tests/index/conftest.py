"""What the index tests share: a folder with the seed and a small Chinese regulation."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import SEED

LAW = """# 测试安全条例

<!-- INFO END -->

## 第一章 总则

第一条 为了加强安全生产监督管理，制定本条例。

第二条 县级以上地方各级人民政府应急管理部门对本行政区域内安全生产工作实施综合监督管理。

第三条 生产经营单位应当建立健全全员安全生产责任制。
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "测试安全条例.md").write_text(LAW, encoding="utf-8")
    return folder
