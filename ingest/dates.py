"""When a document was made and last revised, as its own header says ("2021年6月10日 …第三次修正")."""
from __future__ import annotations

import re

from ingest.types import Clause

_ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日[^\n]*?(修正|修订|公布|通过|发布|施行|批准)")
_EN_DATE = re.compile(r"\b(?:as amended|amended|enacted|approved|effective)\b[^.\n]{0,40}?"
                      r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                      r"\s+(\d{1,2}),\s+(\d{4})")
_STEM_DATE = re.compile(r"[(（](\d{4})-(\d{2})-(\d{2})[)）]")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def document_dates(clauses: list[Clause], file_stem: str = "") -> dict[str, str]:
    """{'date': latest promulgation or revision date (ISO), 'date_event': what happened then} where known."""
    header = " ".join(c.text for c in clauses if c.kind == "preamble")
    found = [(f"{y}-{int(m):02d}-{int(d):02d}", event) for y, m, d, event in _ZH_DATE.findall(header)]
    found += [(f"{y}-{_MONTHS.index(mo) + 1:02d}-{int(d):02d}", "amended") for mo, d, y in _EN_DATE.findall(header)]
    stem = _STEM_DATE.search(file_stem)
    if stem:  # "危险化学品安全管理条例(2013-12-07)": the version the file holds, newer than its header may say
        found.append(("-".join(stem.groups()), "version"))
    if not found:
        return {}
    date, event = max(found)
    return {"date": date, "date_event": event}
