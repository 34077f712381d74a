"""What a question asks for: who is responsible, what someone must do, approval, reporting, a deadline, a penalty.

The kind decides which party an answer names: for a penalty or an approval the authority that imposes or
grants it, otherwise whoever the duty falls on.
"""
from __future__ import annotations

import re

from ingest.actors.authority import is_authority

__all__ = ["DEPARTMENT", "KINDS", "asks_department", "asks_for_body", "cues_asked", "is_authority", "kinds",
           "wants_authority"]

KINDS = ("penalty", "approval", "report", "deadline", "who", "duty", "general")

_ZH = (
    ("penalty", r"罚|处分|吊销|拘留|追究.{0,4}责任|法律责任|没收|责令停产|关闭"),
    ("approval", r"许可|审批|批准|审查|核准|备案|颁发|发证|登记|申请"),
    ("report", r"报告|上报|报给|报到|通报|告知|报送"),
    ("deadline", r"多长时间|多少天|几天|多久|期限|之日起|最迟|最晚|每年|多少年|几年|多少小时"),
    ("who", r"谁|哪个|哪些|哪一级|什么部门|什么机关|由何|主体"),
    ("duty", r"应当|必须|义务|职责|要做|要求|怎么办|哪些事"),
)
_EN = (
    ("penalty", r"\b(?:penalt\w*|fine[sd]?|punish\w*|sanction\w*|imprison\w*|revok\w*|criminal)\b"),
    ("approval", r"\b(?:approv\w*|licen[cs]\w*|permit\w*|certif\w*|authori[sz]\w*|register\w*|variance)\b"),
    ("report", r"\b(?:report\w*|notif\w*|tell|inform\w*|submit\w*)\b"),
    ("deadline", r"\b(?:how (?:long|many days|soon|often|frequently)|deadline|within|days?|months?|years?|yearly|"
                 r"when)\b"),
    ("who", r"\b(?:who|whom|which (?:agency|department|body|official|authority))\b"),
    ("duty", r"\b(?:must|shall|duty|duties|required?|responsib\w*|obligat\w*)\b"),
)
_PATTERNS = {"zh": [(k, re.compile(p)) for k, p in _ZH], "en": [(k, re.compile(p, re.I)) for k, p in _EN]}

# a question asking which body acts, as opposed to what a party must do
_BODY = {
    "zh": re.compile(r"哪个部门|哪个机关|哪一?级|什么部门|什么机关|哪个单位|哪些部门|哪家|归谁|谁来|谁负责|由谁|"
                     r"哪个政府"),
    "en": re.compile(r"\b(?:who|which (?:federal |state )?(?:agency|department|body|official|authority|office))\b",
                     re.I),
}


# what a clause states when it answers a question about a time limit or a penalty
_ZH_NUMBER = r"(?:\d+|[一二三四五六七八九十百千两半]+)"
_EN_NUMBER = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty[- ]five|forty|"
              r"sixty|ninety|hundred)")
_CUES = {
    ("deadline", "zh"): re.compile(rf"{_ZH_NUMBER}\s*个?(?:日|天|小时|分钟|工作日|周|月|年)|每(?:年|月|季度|半年|周)"),
    ("deadline", "en"): re.compile(rf"\b{_EN_NUMBER}[\s-]+(?:\(\d+\)\s+)?(?:working\s+|calendar\s+)?"
                                   rf"(?:days?|hours?|minutes?|months?|years?)\b|\bannual(?:ly)?\b|\byearly\b|"
                                   rf"\b(?:each|every|per)\s+(?:calendar\s+|fiscal\s+)?(?:year|month|quarter)\b|"
                                   rf"\b(?:at least once|{_EN_NUMBER}\s+times)\b", re.I),
    ("penalty", "zh"): re.compile(r"罚款|\d+万?元|拘留|吊销|责令停产|没收|处分"),
    ("penalty", "en"): re.compile(r"\bpenalt(?:y|ies)\b|\$\s?\d|\bimprison|\bfined?\b", re.I),
}


def cues_asked(question: str, lang: str) -> list[re.Pattern[str]]:
    """For a question about a time limit or a penalty, what a text states when it gives one ("二十四小时",
    "fifteen working days", "罚款", "civil penalty"); none for other questions."""
    lang = "zh" if lang == "zh" else "en"
    asked = kinds(question, lang)
    return [rx for (kind, in_lang), rx in _CUES.items() if in_lang == lang and kind in asked]


_ASKS_DEPARTMENT = re.compile(r"哪(?:个|些|一)?(?:部门|机关)|什么(?:部门|机关)")
DEPARTMENT = re.compile(r"部门|机关")


def asks_department(question: str, lang: str) -> bool:
    """"哪些部门有权开包查验？": a Chinese question that asks which department (or organ of state) acts or receives."""
    return lang == "zh" and bool(_ASKS_DEPARTMENT.search(question))


def kinds(question: str, lang: str) -> list[str]:
    """Every kind the question asks for, most specific first ("general" when nothing matches)."""
    found = [kind for kind, pattern in _PATTERNS["zh" if lang == "zh" else "en"] if pattern.search(question)]
    return found or ["general"]


def wants_authority(question: str, lang: str) -> bool:
    """The question asks who imposes a penalty or grants an approval, not who bears the duty; a Chinese question
    about a penalty ("个人会被罚多少？") is answered with who imposes it even when it does not ask who (an English
    one, "What is the most an employer can be fined?", with whom the clause binds: measured on the development
    questions, the first helped Chinese answers, the second hurt English ones)."""
    asked = kinds(question, lang)
    if lang == "zh" and "penalty" in asked:
        return True
    return bool({"penalty", "approval"} & set(asked)) and ("who" in asked or lang == "zh" and "由" in question)


def asks_for_body(question: str, lang: str) -> bool:
    """"哪个部门…", "由谁…", "Who …", "Which agency …": the answer is a body that acts."""
    return bool(_BODY["zh" if lang == "zh" else "en"].search(question))
