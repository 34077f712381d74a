"""Who must act on a clause: the explicit subject of its duty, or the actor named above it."""
from __future__ import annotations

import re
from dataclasses import replace

from ingest.text import sentences
from ingest.types import Actor, Clause

# Chinese: an actor phrase ends in one of these heads
_ZH_HEAD = ("人民政府|主管部门|管理部门|行政部门|有关部门|部门|机关|国务院|单位|机构|委员会|负责人|办事处|"
            "工会|经营者|所有人|管理人|承包人|承包单位|总局|企业|人员|个人|公民|组织|队伍|"
            "消防救援机构|村民委员会|居民委员会|上一级人民政府|发证机关|主办者|承办者")
_ZH_PRED = ("应当|应|必须|负责|依照|依法|按照|根据|对|可以|不得|有权|会同|组织|在|统一|实施|履行|承担|"
            "主管|建立|制定|监督|指导|协调|发现|接到|收到|及时|立即|责令|将|向|为|是|有|不|未|违反|"
            "发布|开展|定期|加强|做好|坚持|具体|共同|结合|负有|采取|编制|每年|自|从事")
_ZH_SUBJECT = re.compile(rf"^((?:[\u4e00-\u9fff、（）()]|和|或者|及其){{2,40}}?(?:{_ZH_HEAD})(?:等)?)(?={_ZH_PRED}|，)")
_ZH_BY = re.compile(rf"由((?:[\u4e00-\u9fff、]|和|或者){{2,40}}?(?:{_ZH_HEAD}))"
                    rf"(?={_ZH_PRED}|按照|予以|给予|处|决定|吊销|没收|，)")
_ZH_MARKER = re.compile(r"^(?:第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]*"
                        r"|[（(][一二三四五六七八九十]+[）)])")
_ZH_LEVELS = (("国务院", "national"), ("省、自治区、直辖市", "provincial"), ("省级", "provincial"),
              ("设区的市", "municipal"), ("县级以上", "county and above"), ("县级", "county"),
              ("乡镇", "township"), ("乡、镇", "township"), ("街道办事处", "township"))

# English: the words before a modal verb, when they read as a subject
_EN_MODAL = re.compile(r"\b(shall|must|should|may|is responsible|are responsible|will)\b")
_EN_MARKER = re.compile(r"^(?:§+\s*\d+[A-Za-z]*\.?|\(\w{1,4}\)|\d+(?:\.\d+)*\.)\s*")
_EN_CONDITION = re.compile(r"^(if|where|when|whenever|unless|upon|in|after|before|within|for|except|subject|"
                           r"notwithstanding|not later|no later)\b", re.I)
_PRONOUNS = {"he", "she", "it", "they", "such person", "such agency", "such department", "it to", "is"}
_EN_MAX_WORDS = 18
_EN_AGENT = re.compile(
    r"\b(secretar(?:y|ies)|employers?|employees?|agenc(?:y|ies)|departments?|commission|board|states?|"
    r"governors?|persons?|operators?|committees?|administrator|director|institute|chairman|chairperson|"
    r"owners?|facilit(?:y|ies)|governments?|authorit(?:y|ies)|institutions?|officers?|officials?|inspectors?|"
    r"representatives?|councils?|units?|enterprises?|president|attorney general|court|panel|"
    r"administration|office|bureau|organi[sz]ations?|ministr(?:y|ies)|contractors?|miners?|"
    r"head|heads|leaders?|individuals?)\b", re.I)


def level_of(actor_text: str) -> str:
    """Administrative level named in a Chinese actor phrase, if any."""
    return next((level for prefix, level in _ZH_LEVELS if prefix in actor_text), "")


def _zh_actors(text: str) -> list[str]:
    found: list[str] = []
    for sentence in re.split(r"[。；;]", _ZH_MARKER.sub("", text)):
        sentence = sentence.strip()
        by = _ZH_BY.findall(sentence)
        subject = _ZH_SUBJECT.match(sentence)
        if not subject and re.match(r"^[^，]{2,40}(?:时|后|前)，", sentence):
            subject = _ZH_SUBJECT.match(sentence.split("，", 1)[1])
        conditional = subject and "的，由" in sentence
        if subject and not conditional:
            found.append(subject.group(1))
        found.extend(by)
    return found


def _en_subject(sentence: str) -> str:
    sentence = _EN_MARKER.sub("", sentence.strip())
    modal = _EN_MODAL.search(sentence)
    if not modal:
        return ""
    head = sentence[: modal.start()].strip(" ,;")
    if _EN_CONDITION.match(head) and "," in head:
        head = head.rsplit(",", 1)[1].strip()
    if not head or _EN_CONDITION.match(head) or head.lower() in _PRONOUNS:
        return ""
    words = head.split()
    agent = _EN_AGENT.search(head)
    # a relative clause ("… that implement administrative licences …") may run long and still name the actor
    limit = _EN_MAX_WORDS * 2 if re.search(r"\b(that|which|who)\b", head) else _EN_MAX_WORDS
    return head if agent and len(words) <= limit and head[0].isalpha() else ""


def _en_actors(text: str) -> list[str]:
    found = (_en_subject(x) for para in text.split("\n") for x in sentences(para))
    return [s for s in found if s]


def explicit_actors(text: str, lang: str) -> list[str]:
    """Actor phrases named in the text itself, in order, without repeats."""
    found = _zh_actors(text) if lang == "zh" else _en_actors(text)
    return list(dict.fromkeys(a.strip() for a in found if a.strip()))


def _bare_heading_actor(heading: str, lang: str) -> str:
    """A lead-in like '(a) Each employer' that is itself the subject of the items below it."""
    bare = _EN_MARKER.sub("", heading).strip(" :：")
    if lang == "en" and bare and len(bare.split()) <= 6 and not _EN_MODAL.search(bare) and bare[0].isupper():
        return bare
    return ""


def inherited_actors(clause: Clause) -> list[str]:
    """The actor of the nearest heading above the clause that names one."""
    for heading in reversed(clause.headings):
        named = explicit_actors(heading, clause.lang) or [a for a in [_bare_heading_actor(heading, clause.lang)] if a]
        if named:
            return named
    return []


def with_actors(clause: Clause) -> Clause:
    """The clause with its actors: explicit ones first, else those inherited from above."""
    own = explicit_actors(clause.text, clause.lang)
    actors = [Actor(a, a, level_of(a), "explicit") for a in own]
    if not own or clause.kind == "item":
        seen = set(own)
        actors += [Actor(a, a, level_of(a), "inherited") for a in inherited_actors(clause) if a not in seen]
    return replace(clause, actors=tuple(actors))
