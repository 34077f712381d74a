"""Who must act in a Chinese clause: the subject of its duty, or the body named after 由.

A subject is the shortest noun phrase at the start of a sentence (or after a leading circumstance) that ends
in an actor head (部门, 机关, 人民政府, 单位, 负责人 …) and is followed by a duty word or a boundary. In penalty
sentences ("……的，由应急管理部门责令改正") the party before 的 is the offender, not an actor.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.actors.authority import is_authority

HEADS = (
    "人民政府|主管部门|管理部门|行政部门|有关部门|部门|机关|国务院|单位|机构|委员会|办公室|负责人|办事处|工会|任何人|成员|"
    "经营者|所有人|管理人|承包人|投资人|总局|企业|人员|个人|公民|成年人|组织|队伍|调查组|申请人|检察院|人民法院|"
    "承办者|主办者|国家|本市|本省|村民委员会|居民委员会|救援队|指挥机构|矿长|法定代表人|业主(?!要)|"
    "船长|驾驶人|承运人|托运人|学校|医院|总监|协会组织|协会|职工|管理者|船舶|经营人|总指挥|指挥部"
)
# what may follow a subject: a duty word, a preposition, an adverb — anything that cannot continue a name
# ('负有' is a verb, except in '人民政府负有安全生产监督管理职责的部门', where it names the departments)
BOUNDARY = (
    "应当|应予|必须|负责(?!人)|依照|依法|依据|按照|根据|对|可以|不得|有权|会同|组织|统一|实施|履行|承担|主管|建立|"
    "制定|监督|指导|协调|发现|接到|收到|及时|立即|责令|将|向|为|是|有(?!关)|不|未|违反|发布|开展|定期|加强|做好|坚持|"
    "具体|共同|结合|负有(?![^，。；：]{1,24}?职责的(?:有关)?(?:部门|机构))|采取|编制|每年|自|从事|鼓励|支持|都|跨|规定|要|需|须|每|从|经|于|设立|设置|设在|配备|实行|"
    "推进|推动|保障|确保|落实|完善|健全|提供|接受|参加|参与|作出|决定|拟订|审查|审批|核发|颁发|发放|办理|在|"
    "受理|处理|进行|提请|报请|聘用|使用|储存|生产|经营|运输|购买|销售|举办|承办|申请|取得|持有|应该|以(?!及)|给予|处|"
    "，|；|：|。"
)
NAME = r"(?:[\u4e00-\u9fff、（）()]|或者|及其){0,60}?"  # the words of a body's name, shortest first
# "国务院公安部门规定的……的单位": a verb followed by 的 describes what comes after; the name goes on
SUBJECT = re.compile(rf"^({NAME}(?:{HEADS})(?:等)?)(?=(?:{BOUNDARY})(?!的))")
LATER_SUBJECT = re.compile(rf"^({NAME}(?:{HEADS})(?:等)?)"
                           rf"(?=应当|必须|负责(?!人)|可以|不得|有权|应予|不予|依法|依照|按照)")
BY = re.compile(rf"由({NAME}(?:{HEADS}))(?=[^\u4e00-\u9fff]|{BOUNDARY}|予以|处|决定|吊销|没收|批准|确定|认定|承运)")
_POSSESSOR = re.compile(rf"^({NAME}(?:{HEADS}))的(?:{NAME}(?:{HEADS})的)?[\u4e00-\u9fff]{{1,4}}(?<!的)，?(?=应当|必须)")
_BARE_NAME = re.compile(rf"{NAME}(?:{HEADS})(?:等)?")
# "应当经安全生产监督管理部门审批", "报当地消防救援机构验收": the body that approves, examines or accepts acts, when no
# one else does
APPROVED_BY = re.compile(rf"(?<![已曾])(?:经(?:过)?|报(?:经|请)?)({NAME}(?:{HEADS}))"
                         rf"(?=审批|批准|许可|同意|审查|审核|核准|考核|认可|验收)")
MARKER = re.compile(r"^(?:第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]*"
                    r"|[（(][一二三四五六七八九十]+[）)])")
_SPLIT = re.compile(r"和|或者|、|与|以及")
HEAD_END = re.compile(rf"(?:{HEADS})(?:等)?$")
_LEVELS = (("国务院", "national"), ("国家", "national"), ("省、自治区、直辖市", "provincial"), ("省级", "provincial"),
           ("设区的市", "municipal"), ("县级以上", "county and above"), ("县级", "county"), ("乡镇", "township"),
           ("乡、镇", "township"), ("街道办事处", "township"))
_CONSEQUENCE = ("由", "责令", "处", "依法", "依照", "对", "没收", "吊销", "给予", "予以", "构成")
_GOES_ON = re.compile(r"^(?:应当|必须|须|属于)(?!提请|报请)")
_THRESHOLD = re.compile(r"\d|[一二三四五六七八九十百千万]+(?:人|名|个|吨|米)|以上|以下|超过|不足|不满")


def _goes_on(condition: str, rest: str) -> bool:
    """"爆破作业单位跨省……从事爆破作业的，应当……报告": the party of a condition goes on to bear the duty; not when the
    condition is a size ("从业人员超过一百人的，应当设置……": the unit's staff count, not who acts), nor when what
    follows asks a government to act ("……的，应当提请……予以关闭": an authority does that)."""
    return bool(_GOES_ON.match(rest)) and not _THRESHOLD.search(condition)


# 从 of 从业人员 and 从事……的企业, 经 of 经营单位 open names, not circumstances
_PREPOSITION = re.compile(r"^(?:由|对|为|向|给|将|把|从(?!业|事)|与|在|依照|按照|根据|依据|经(?!营|销|办))")
# "通报有关部门、……机构": a part of a sentence opening with a verb of reporting names whom its party reports to
_SENT_TO = re.compile(r"^(?:通报|通知|抄送|移送|移交|告知|报告)")
_POSSESSIVE = re.compile(r"^(?:其(?!他)|该|本单位)(?=.{2,})")
_NOT_ACTORS = {"任何", "有关", "其他", "本", "国务院有关", "组织", "单位", "人员"}


def level_of(actor: str) -> str:
    """Administrative level named in an actor phrase, if any."""
    return next((level for prefix, level in _LEVELS if prefix in actor), "")


def split_compound(actor: str) -> list[str]:
    """'单位或者个人' names two actors; '国务院交通运输、住房和城乡建设等有关部门' names one;
    '……储存单位以及矿山、……建筑施工单位' names the two kinds of units 以及 joins, each whole."""
    parts = [p for p in _SPLIT.split(actor) if p]
    if len(parts) > 1 and all(HEAD_END.search(p) for p in parts):
        return parts
    joined = [p for p in actor.split("以及") if p]
    # not "……单位以及……单位的主要负责人": there 以及 joins what the persons belong to
    if len(joined) > 1 and all(HEAD_END.search(p) for p in joined) and "的" not in joined[-1]:
        return [name for p in joined for name in split_compound(p)]
    return [actor]


@lru_cache(maxsize=1)
def _tagger():  # noqa: ANN202 - jieba.posseg, loaded on first use
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def _tagged_subject(sentence: str) -> str:
    """The words before the sentence's first verb, preposition or adverb, when they end in an actor head."""
    prefix = ""
    for word, flag in _tagger().cut(sentence[:80]):
        if flag in ("v", "p", "d") and prefix:
            return prefix if HEAD_END.search(prefix) and len(prefix) >= 2 else ""
        if flag == "x" and word not in "、（）()":
            return ""
        prefix += word
    return ""


def _sentence_actors(sentence: str) -> list[str]:
    """Actors of one sentence: the bodies named after 由, and its subject unless that is an offender; with
    neither, the body that approves (经……审批)."""
    found = BY.findall(sentence)
    clauses = sentence.split("，")
    approving = APPROVED_BY.findall(sentence)
    # "生产经营单位未……的，由……处罚": whoever the sentence opens with is the offender
    # ("爆破作业单位跨省……从事爆破作业的，应当事先……报告", "煤矿企业有下列情形之一的，属于重大事故隐患，应当……"
    # name the party the duty falls on: what follows the 的 goes on without a subject of its own)
    offender = len(clauses) > 1 and (clauses[0].endswith("的") and not _goes_on(clauses[0], clauses[1]) or any(
        a.endswith("的") and b.startswith(_CONSEQUENCE) for a, b in zip(clauses, clauses[1:], strict=False)))
    match = SUBJECT.match(sentence)
    if match and _PREPOSITION.match(match.group(1)):  # "根据国家有关规定，市应急管理部门应当…": a circumstance
        match = None
    if match and sentence.startswith("，其", match.end()) and LATER_SUBJECT.match(sentence[match.end() + 1:]):
        match = None  # "……的船舶，其所有人或者经营人应当": its owner acts (not "……的单位，其使用条件……应当")
    if not match and not offender and not found and not approving:
        # "……单位的安全生产管理人员的任免，应当告知……": the units whose staff's appointment it is act
        match = _POSSESSOR.match(sentence)
    subject = match.group(1) if match else ("" if offender or found else _tagged_subject(sentence))
    if _PREPOSITION.match(subject) or _SENT_TO.match(subject):
        # "对……政府部门及其工作人员履行……实施监察": whom the duty is over, not who acts; "通报有关部门、证券监督管理
        # 机构以及有关金融机构": whom the sentence's party reports to
        subject = ""
    if subject and not offender and "由" not in subject:
        found.insert(0, subject)
    elif len(clauses) > 1:  # a leading circumstance ("发生事故时，…", "……的，") before the actors
        found += [m.group(1) for c in clauses[1:] if (m := LATER_SUBJECT.match(c))
                  and not _PREPOSITION.match(m.group(1))]
    if not any(clean(part) for a in found for part in split_compound(a)):
        # "经营布点应当经安全生产监督管理部门审批": no one else acts (a phrase with a verb inside names no one), the
        # approving body does
        # (the last body before the verb: "经调查组提出并报国家安全生产监督管理机构批准" is approved by the 机构)
        # (or an institution that reviews for it: "经承担职业病诊断的医疗卫生机构审核盖章")
        found = [name for a in approving if is_authority(name := re.split(r"报|经", a)[-1], "zh")
                 or name.endswith("机构")]
    return [_POSSESSIVE.sub("", a) for a in found]


_LEADING = re.compile(r"^(?:或者|及其|以及|并且|并|和|及|可以|应当|提请|报请|会同|其他|鼓励、支持|鼓励|支持|组织)+")
_LED_BY_VERB = re.compile(r"^(?:组织|促进|督促|引导|动员|帮助|要求|指导|确定|指定|安排|配备|制定)")
# a verb inside shows the phrase is not a name; '负责事故调查的人民政府' is one ('负责…的' describes the body)
_VERB_INSIDE = re.compile(r"应当|可以|必须|配合|设立|提请|报请|负责(?!人)(?![\u4e00-\u9fff、]{1,15}?的)|依照|按照|"
                          r"督促|(?<!受)委托|要求|协助|(?<=.)向|拒绝|拒不|阻碍|阻挠|遵守|执行|告知|及时")


_FILED = re.compile(r"^报(?:送|经|请)?(?!告|社|纸|刊)")


def named_by(text: str) -> list[str]:
    """The bodies a text puts after 由 ("由应急管理部门责令改正"), each of a compound ("由其上级机关或者监察机关":
    上级机关, 监察机关), verb phrases left out."""
    return [a for found in BY.findall(text) for a in map(clean, split_compound(_POSSESSIVE.sub("", found))) if a]


def clean(actor: str) -> str:
    """An actor phrase without a leading conjunction; empty when a verb shows it is not a name."""
    bare = _LEADING.sub("", actor)
    if (_LED_BY_VERB.match(actor) or _LED_BY_VERB.match(bare)) and "的" not in actor:
        # "组织营救和救治受害人员", "促进生产经营单位", "并安排专门人员": whom a duty works on, not who bears it
        return ""
    actor = bare
    if _FILED.match(actor):  # "报当地消防救援机构验收": what is filed with a body, not who files (APPROVED_BY)
        return ""
    if "由" in actor[1:-2]:  # "较大事故由事故发生地设区的市级人民政府": the actor is what follows 由
        actor = actor.rsplit("由", 1)[1]
    negated = actor.startswith(("不", "未", "没有"))  # "不对取得批准的单位…": a negated verb, not a name
    return "" if negated or _VERB_INSIDE.search(actor) or _PREPOSITION.match(actor) or len(actor) < 2 else actor


# "……负责行政审批（包括批准、核准、许可、注册、认证、颁发证照等，下同）的政府部门": an aside saying what a word
# covers here and below does not end the name around it (its commas end nothing); the name keeps it as written
DEFINING_ASIDE = re.compile(r"[（(][^（）()]*下同[）)]")


def actors(text: str) -> list[str]:
    """Actor phrases of a Chinese text, in order, compound names split, without repeats; a name read around a
    defining aside keeps it, as written."""
    found: list[str] = []
    bare, asides = _without_asides(MARKER.sub("", text.strip()))
    for sentence in re.split(r"[。；;]", bare):
        for actor in _sentence_actors(sentence.strip()):
            found.extend(_with_asides(clean(a), bare, asides) for a in split_compound(actor))
    return list(dict.fromkeys(a for a in found if a and a not in _NOT_ACTORS))


def _without_asides(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text without its defining asides, and each aside with where it stood in that text."""
    asides, at = [], 0
    for m in DEFINING_ASIDE.finditer(text):
        asides.append((m.start() - at, m.group(0)))
        at += len(m.group(0))
    return DEFINING_ASIDE.sub("", text), asides


def _with_asides(name: str, bare: str, asides: list[tuple[int, str]]) -> str:
    """A name read from the text without its asides, with those that stood inside it put back."""
    start = bare.find(name) if name and asides else -1
    if start < 0:
        return name
    inside = [(at - start, aside) for at, aside in asides if start < at < start + len(name)]
    for at, aside in reversed(inside):
        name = name[:at] + aside + name[at:]
    return name


# "第二章 煤矿企业的安全生产责任": a chapter (or section) about one kind of party's duties
_CHAPTER_OF = re.compile(rf"^第[零〇一二三四五六七八九十百千]+[章节][\s\u3000]*({NAME}(?:{HEADS}))的")


def chapter_party(heading: str) -> list[str]:
    """The party a chapter heading says its duties are of: 煤矿企业 of "第二章 煤矿企业的安全生产责任", 生产经营单位
    of "第二章 生产经营单位的安全生产保障"; none for "第三章 监督管理"."""
    m = _CHAPTER_OF.match(heading.strip())
    return [a for a in map(clean, split_compound(m.group(1))) if a] if m else []


# "……的单位未设置治安保卫机构的，依照……处罚": the party an offence is described of, before what it did
_OFFENDER = re.compile(rf"^({NAME}(?:{HEADS}))(?=未|不|没有|违反|擅自|拒绝|拒不|收受|利用|伪造|隐瞒|谎报|瞒报|有下列)")


def offender(text: str) -> str:
    """The party a penalty clause opens with, that its offence is described of ("……的单位未设置……的，"); ''
    when the clause does not open with one."""
    m = _OFFENDER.match(MARKER.sub("", text.strip()))
    return clean(_POSSESSIVE.sub("", m.group(1))) if m else ""


# "其生产经营单位应当遵守下列规定：（六）从业人员能够熟练使用消防器材……": the items are what the lead-in's party
# must see to, whoever each names; the same of the papers it must hand in ("承办者……应当提交下列材料：（四）活动场所
# 管理者同意提供活动场所的证明")
_RULES_LEAD_IN = re.compile(r"(?:(?:遵守|符合|做到|执行|落实)下列(?:规定|要求)|(?:提交|提供|报送)下列(?:材料|文件))"
                            r"[：:]?\s*$")
_DUTY_WORD = re.compile(r"应当|必须|不得|负责(?!人)|有权|可以")


def sees_to(item: str, lead_in: str) -> bool:
    """An item under "……应当遵守下列规定：" (or "……应当提交下列材料：") that states no duty of its own is what the
    lead-in's party sees to."""
    return bool(_RULES_LEAD_IN.search(lead_in)) and not _DUTY_WORD.search(item)


# "……的，依照《企业事业单位内部治安保卫条例》的规定处罚": the penalty, and who imposes it, another law sets
REFERRED_PENALTY = re.compile(r"依照《[^》]+》(?:的|有关)?(?:规定)?(?:予以|给予)?处罚")


def bare_name(text: str) -> str:
    """The party an item consists of, when it only names one ("（二）危险物品的生产……单位以及……建筑施工单位；"
    under "下列单位应当建立应急值班制度："); '' for an item that says more."""
    name = MARKER.sub("", text.strip()).rstrip("；;。，, ")
    says_more = re.search(r"^有|不得|应当|是|上报|[和与]其他", name)
    return clean(name) if _BARE_NAME.fullmatch(name) and not says_more else ""


def listed_name(text: str) -> str:
    """An item that only lists kinds of party, some not named by an actor head ("（一）大型核设施单位、大型发电厂、
    民用机场、主要港口；" under "下列单位应当建立单位专职消防队"): the list, as one party; '' for an item that says
    more."""
    name = MARKER.sub("", text.strip()).rstrip("；;。，, ")
    says_more = re.search(r"^有|不得|应当|必须|可以|是|上报|[和与]其他|[，：；。]|的$", name)
    return name if name and len(name) <= 40 and not says_more else ""


def is_condition(text: str) -> bool:
    """An item that states a circumstance ("……的；"), as in the list of a penalty article."""
    return bool(re.search(r"的[；;。]?$", text.strip()))


_LEVEL_WORDS = re.compile(r"人民政府|国务院|县级|市级|省级|设区的市|乡镇|省、自治区")
_GENERIC_HEADS = {"部门", "单位", "机关", "机构", "人员", "组织", "委员会"}
_ANTECEDENT_STOP = re.compile(r"[，。；：、（）()\s]|向|由|经|报|到|对|从|给|将|请|与|和|或者")


def antecedent(actor: str, text: str, until: int | None = None) -> str:
    """The full name a descriptive reference stands for, when the clause gives it.

    '受理申请的公安机关' in a clause that just before says '向爆破作业所在地设区的市级人民政府公安机关提出申请' is that
    police body; the reference alone hides its level. `until`: where in `text` the reference stands (by
    default its first occurrence). Returns `actor` itself when nothing fits."""
    if "的" not in actor or _LEVEL_WORDS.search(actor):
        return actor
    head = actor.rsplit("的", 1)[1]
    if len(head) < 4 or head in _GENERIC_HEADS:
        return actor
    at = text.find(actor) if until is None else until
    names = []
    for found in re.finditer(re.escape(head), text[: at if at >= 0 else len(text)]):
        start = found.start()
        while start > 0 and not _ANTECEDENT_STOP.match(text[start - 1]):
            start -= 1
        name = text[start:found.end()]
        if name != actor and _LEVEL_WORDS.search(name):
            names.append(name)
    return names[-1] if names else actor  # the nearest full name before the reference
