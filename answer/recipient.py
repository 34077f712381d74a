"""To whom a report, an application or a notice goes: "重大事故隐患超出管辖范围时应当向谁报告？" is answered by
the body the clause names after 向 ("向有管辖权……的上级人民政府或者政府有关部门报告"), "Who must be notified?"
by the object of "notify" / "report to" ("shall immediately notify the State emergency response commission").

The party who must report stays in the answer too; the one who receives comes first when the question asks
for it.
"""
from __future__ import annotations

import re

from ingest.actors.en import AGENT
from ingest.actors.zh import HEADS, NAME, clean

_ASKS = {
    "zh": re.compile(r"向(?:谁|哪|什么)|(?:报|报告|报送|交|递交|提交|送|通知|告知|通报|举报|投诉)(?:给)?(?:谁|哪)|找谁|"
                     r"到哪(?:里|个|一)|去哪(?:里|个|一)?(?:申请|报|办|登记|备案|举报|投诉)|在哪(?:里|个)?(?:申请|办|登记|备案)"),
    "en": re.compile(r"\bto whom\b|\bwhom (?:must|should|do|does|shall|to)\b|"
                     r"\bwho (?:must|should|has to|needs? to|is to|shall|gets to|do \w+ have to) be "
                     r"(?:notified|told|informed|warned|alerted|sent)\b|"
                     r"\bwho (?:gets|receives|hears) (?:the |a |that )?(?:notice|notification|report|application|"
                     r"warning|call)\b|"
                     r"\bwho (?:do|does|must|should) (?:we|I|they|it|you|the \w+) (?:report|notify|tell|submit|"
                     r"send|file|apply|call|inform)\b|"
                     r"\b(?:report|submit|send|file|appl)\w* (?:\w+ ){0,3}(?:to|with) (?:which|what) (?:agency|office|"
                     r"body|authority|department|official|committee|commission)\b|"
                     r"\bwhere (?:do|does|must|should|can) .{0,60}?\b(?:report|file|apply|submit|send)\b", re.I),
}

_HEADS = rf"{HEADS}|大会"  # "职工大会或者职工代表大会" receives reports too
# 向 X 报告 / 申请 …; 报 X 备案 / 批准 …; 报告 / 通知 X
_ZH_TO = re.compile(rf"向({NAME}(?:{_HEADS}))(?=(?:如实|书面|及时|立即|逐级)?(?:报告|申请|提出|备案|提交|报送|通报|"
                    rf"举报|投诉|申报|报|说明|提供|送交|移交|登记))")
_ZH_FILED = re.compile(rf"报(?!告)(?:送|经|请)?({NAME}(?:{_HEADS}))(?=备案|批准|审批|审查|核准|审定|同意|决定)")
_ZH_TOLD = re.compile(rf"(?:报告|通知|告知|通报|报送)({NAME}(?:{_HEADS}))(?=[，。；、]|并|和|或者|$)")
# the verbs whose object (or whose "to" / "with") receives
_EN_TO = re.compile(r"\b(?:notify|notifies|notified|notifying|inform|informs|warn|alert|"
                    r"(?:report|submit|transmit|send|deliver|furnish|provide|give|forward|present|make|"
                    r"direct|refer|appeal|apply|petition)\w*\b(?:\s+[\w’'-]+){0,8}?\s+to|"
                    r"(?:file|filed|files|filing|register|lodge)\w*\b(?:\s+[\w’'-]+){0,8}?\s+with|notice to)\s+",
                    re.I)
# the receiving noun phrase (or list of them) ends at a semicolon or full stop, a verb joined by 'and', or a
# clause that follows it
_EN_END = re.compile(r"[;:.()]|\s(?:and|or)\s+(?:shall|may|must|will|to|is|are|not)\b|"
                     r"\s(?:thereof|within|not later|of (?:such|any|the \w+ or)|in writing|if|when|that|which|"
                     r"who|whether|for (?:review|approval|the purpose))\b")
_EN_NAME = re.compile(r"(?:the|each|any|every|an?|such|appropriate)\s", re.I)


def asks_recipient(question: str, lang: str) -> bool:
    """'向谁报告', '报给谁', 'to whom', 'who must be notified', 'where do we file': the question asks who receives."""
    return bool(_ASKS["zh" if lang == "zh" else "en"].search(question))


def recipients(sentence: str, lang: str) -> list[str]:
    """The bodies a sentence sends a report, an application or a notice to, in order, without repeats."""
    if lang == "zh":
        found = [m.group(1) for rx in (_ZH_TO, _ZH_FILED, _ZH_TOLD) for m in rx.finditer(sentence)]
        spans = sorted((sentence.find(a), a) for a in found)
        return list(dict.fromkeys(name for _, a in spans if len(name := clean(a)) >= 2))
    out = []
    for m in _EN_TO.finditer(sentence):
        # "to the State emergency response commission, the local emergency planning committee, and the fire
        # department": each body of a list, as long as the list goes on naming bodies
        tail = _EN_END.split(sentence[m.end():], maxsplit=1)[0]
        for chunk in tail.split(","):
            phrase = re.sub(r"^\s*(?:and|or)\s+", "", chunk).strip()
            if not (_EN_NAME.match(phrase) and AGENT.search(phrase) and len(phrase.split()) <= 16):
                break
            out.append(phrase)
        if re.match(r"\s*Congress\b", tail):
            out.append("Congress")
    return list(dict.fromkeys(out))
