"""Canonical actors: one name per body whatever level or wording the text uses, with the body's level and,
for bodies renamed in the 2018 State Council reorganisation, the successor that now holds their duties."""
from __future__ import annotations

import re

from ingest.actors.zh import level_of

# the level prefix of a Chinese actor ("县级以上地方各级人民政府应急管理部门" -> "应急管理部门", county and above)
_ZH_PREFIX = re.compile(
    r"^(?:国务院|国家|省、自治区、直辖市人民政府|省、自治区、直辖市|设区的市级以上地方人民政府|设区的市级以上人民政府|"
    r"设区的市级人民政府|县级以上地方各级人民政府|县级以上地方人民政府|县级以上人民政府|县级以上各级人民政府|"
    r"地方各级人民政府|各级人民政府|县级人民政府|乡、镇人民政府|乡镇人民政府|本级人民政府|市、区人民政府|区人民政府|"
    r"市人民政府|所在地|当地|事故发生地|本行政区域)+(?=.{2,}(?:部门|机关|机构|总局|委员会|办公室|局))")
_ZH_SUCCESSORS = (
    (re.compile(r"安全生产监督管理(?:部门|总局|局|机构)|安全监管部门"), "应急管理部门"),
    (re.compile(r"质量监督检验检疫(?:部门|机构)|质量技术监督(?:部门|机构)|工商行政管理部门"), "市场监督管理部门"),
    (re.compile(r"环境保护(?:行政)?主管部门"), "生态环境主管部门"),
    (re.compile(r"卫生(?:行政|主管)部门"), "卫生健康主管部门"),
    (re.compile(r"公安消防机构"), "消防救援机构"),
    (re.compile(r"煤矿安全监察机构"), "矿山安全监察机构"),
)
_EN_DETERMINER = re.compile(r"^(?:the|each|every|any|a|an|such|all)\s+", re.I)
_DEFINITION = re.compile(r"(?:The term\s+)?[“\"]([A-Z][\w ]{1,40}?)[”\"]\s+means?\s+(?:\d+\s+)?(?:the\s+)?"
                         r"([A-Z][^.;,]{3,90})")


def _zh(text: str) -> tuple[str, str, str]:
    name = _ZH_PREFIX.sub("", text)
    successor = next((new for pattern, new in _ZH_SUCCESSORS if pattern.search(name)), "")
    return name, level_of(text), successor


def _en_level(text: str) -> str:
    if re.search(r"\b(State|Governor)s?\b", text):
        return "state"
    return "local" if re.search(r"\blocal\b", text, re.I) else ""


def canonical(text: str, definitions: dict[str, str] | None = None) -> tuple[str, str, str]:
    """(canonical name, level, successor) of an actor phrase as written."""
    if re.search(r"[\u4e00-\u9fff]", text):
        return _zh(text)
    bare = _EN_DETERMINER.sub("", text.strip())
    for term, meaning in (definitions or {}).items():
        if bare == term:
            bare = meaning
            break
    return bare[:1].upper() + bare[1:], _en_level(text), ""


def definitions(texts: list[str]) -> dict[str, str]:
    """Defined agents of a document: 'The term “Secretary” means the Secretary of Labor.'"""
    found: dict[str, str] = {}
    for text in texts:
        for term, meaning in _DEFINITION.findall(text):
            found.setdefault(term.strip(), meaning.strip())
    return found
