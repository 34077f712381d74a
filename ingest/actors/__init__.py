"""Who must act on a clause: its own explicit actors, else the actor named in the headings above it."""
from __future__ import annotations

from dataclasses import replace

from ingest.actors import en, zh
from ingest.actors.canon import canonical, definitions
from ingest.actors.penalties import GeneralAuthority, authority_for, general_authorities
from ingest.actors.standards import Standards, bound_by, declared_standards
from ingest.types import Actor, Clause

__all__ = ["RECIPE", "definitions", "explicit_actors", "find_actors", "inherited_actors", "with_actors"]

# Names the extractor's behaviour: an index built with another one has its actors found again on next ingest.
RECIPE = ("actors v39: en an item opening with 'That' ('(ii) That the Mine Safety and Health Administration "
          "shall establish …') names its subject without it; a modal after 'as the X' ('in such manner as the "
          "Administrator may prescribe') is not the sentence's, one after 'in which he' is the agent's the pronoun "
          "stands for, 'then' opens no name; "
          "v38: zh a body that serves, tests, certifies, diagnoses or trains ('消防技术服务机构', "
          "'特种设备检验机构') is no authority, so a fine naming only it takes the general provision's authority; an "
          "institution reviewing for an approval ('经……医疗卫生机构审核盖章') is still named when no one else acts; "
          "v37: zh an aside saying what a word covers here and below ('（包括批准、核准……等，下同）') does "
          "not end the name around it, which keeps it as written; en an opening phrase of up to six words naming no "
          "agent before a subject is when, not who ('Immediately following such a request, the owner or operator'); "
          "v36: en a clause coordinated after one whose subject is no agent names its own ('…, and each "
          "operator of such mine shall limit …'); a requirement naming no one else whose passive names its agent a "
          "few words after the participle ('Tests … shall be made at four-hour intervals … by a qualified person') "
          "names that agent; "
          "v35: en a requirement naming no one in sections a law declares mandatory standards ('The "
          "provisions of sections 862 through 878 … shall be interim mandatory safety standards') binds the party its "
          "penalty provision holds liable for violating one ('The operator of a coal or other mine in which a "
          "violation occurs of a mandatory health or safety standard'); "
          "v34: zh a part of a sentence opening with 通报 / 通知 / 抄送 / 移送 / 移交 / 告知 / 报告 names whom "
          "its party reports to, not who acts; an item giving its lead-in's body the power to decide the law's "
          "penalties ('（五）对违反本法规定的行为作出行政处罚决定') is a general provision; en ', except that the "
          "Secretary or his authorized representative may' names both, a subject after a circumstance running on to it "
          "may say what it is the agent of ('… each operator of a coal mine in such State shall'); "
          "zh 管理者, 船舶, 经营人, 总指挥 and 指挥部 head names, a name may open with 从事 "
          "('从事烟花爆竹零售的经营者'), "
          "'……的船舶，其所有人或者经营人应当' names the owner, an item under '……应当提交下列材料：' is the "
          "lead-in party's to hand in; "
          "v33: zh a chapter of one party's duties ('第二章 煤矿企业的安全生产责任') names that party for a "
          "clause naming no one, a paragraph whose penalty another law sets ('依照《……》的规定处罚') inherits no "
          "enforcer, names opening with 安排 / 配备 / 制定 are tasks, 职工 heads a name, an item stating no duty of "
          "its own under '……应当遵守下列规定：' is the lead-in's party's to see to, a fine whose clause names a body "
          "only for another penalty ('由公安机关依法给予治安管理处罚') takes the general provision's authority; "
          "v32: zh '报……验收/批准' names the accepting body, a name opening with 报 or a preposition names no one, "
          "names opening with 确定 / 指定 or holding 告知 / 及时 are tasks, an item listing a kind of party under "
          "'下列单位……：' is that party, '罚款的行政处罚，由……决定' is a general provision, compounds after 由 split; "
          "v31: zh 任何人 and 成员 head names, en foreman, superintendent, examiner, supervisor and manager are "
          "agents, a short phrase of time before a subject is no part of it ('Each day, the mine foreman'); "
          "v30: zh 以及 joining two kinds of party names each whole ('……储存单位以及矿山、……施工单位'), "
          "not what persons belong to ('……单位以及……单位的主要负责人'); "
          "v29: en an exception between commas (', except where …,') is no part of a subject, "
          "an item going on with 'including' names no subject of its own; "
          "v28: en a modal inside a that-clause of a leading circumstance is not the "
          "sentence's, a pronoun stands for an agent that acts in the circumstance, not one that undergoes a verb; "
          "v27: zh 有关 and 以及 go on with a name ('国务院有关部门', '……单位以及……单位'), "
          "协会 heads a name, a name may run to 60 characters, 由……承运 names the carrier, whom a duty works on "
          "('组织……人员', '促进……单位') is no actor, an item that only names a party under '下列单位……：' "
          "names it, the units whose staff's appointment a sentence is about act ('……单位的……人员的任免，应当'); "
          "v26: en a circumstance that ends in a list of agents names them all ('In any such "
          "proceeding the Secretary, the Commission, or the court shall'), a list is split at its commas, "
          "solicitors and commissioners are agents; "
          "v25: en asides after a subject that open with a preposition ('The Secretary, on the record, "
          "after notice …, may') are no part of it, a subject that lists agents is read whole however long, a grant's "
          "recipient, grantee, licensee or permittee is an agent; "
          "v24: en an aside between commas (', in accordance with …,', ', in carrying out …,') is no "
          "part of a subject, who gives what a subject receives ('shall receive from the Secretary') acts, an "
          "exception names who may grant it ('…, except that the Secretary may permit'); "
          "v23: en a subject's asides and side parties are no part of it ('(referred to … as the "
          "“Secretary”)', ', acting through …', 'in consultation with …'), a circumstance running on to the subject "
          "('Where miners are exposed … the operator shall', 'With the consent …, the Secretary may', 'To be "
          "eligible …, an entity shall'), a long relative clause cut ('The owner or operator of any facility which "
          "is required …'), an item going on from its lead-in with a verb has no subject of its own, an offender "
          "('shall be fined / assessed / guilty') is no actor, an object ('by the Administrator') is no subject; "
          "v22: a fine whose clause names no authority takes the one the law's general provision names "
          "('本法规定的行政处罚，由……决定', 'authority to assess all civil penalties provided in this section'), "
          "zh an offence (拒绝、阻碍、拒不) or a duty (遵守、执行) is no name, with no one else acting the body "
          "that approves acts ('应当经……部门审批'), a body that refuses ('……的部门不予受理') after a circumstance "
          "is the subject; "
          "v21: en an agent between the commas of a leading circumstance is the phrase there, perhaps with a "
          "relative clause, not 'the operator reestablishes a pattern of violations'; "
          "v20: en a sentence adverb before the subject is no part of it ('However, those departments'); "
          "v19: zh a verb followed by 的 does not end a name ('国务院公安部门规定的……的单位'), 安全总监; "
          "v18: en who gives what a subject is entitled to or subject to ('compensation by the operator', "
          "'a civil penalty assessed by the Commission'); "
          "v17: zh '……的，应当/属于……' keeps the subject, en 'is also authorized', Comptroller General; "
          "v16: zh '单位负责人' is a name, not 单位 before the verb 负责; "
          "v15: en subject skips inner clauses, modals inside parentheses and leading 'on …,' "
          "circumstances, recipients are no actors, a passive's agent after 'by', 'it shall be the duty of X', "
          "attorneys and parties; zh no negated names, 从业人员 and 经营单位 are names, "
          "'人民政府负有…职责的部门' names the departments, 办公室 heads a name, 企业主要负责人 is no 企业主; "
          "en 'by X' only after a passive verb, 'by the Chairman of the Commission' whole, 'by X and Y' split")


def explicit_actors(text: str, lang: str) -> list[str]:
    """Actor phrases the text itself names, in order, without repeats."""
    return zh.actors(text) if lang == "zh" else en.actors(text)


def inherited_actors(clause: Clause) -> list[str]:
    """The actor of the nearest heading above the clause that names one; else, in English, a party a heading only
    mentions, and in Chinese the party whose duties its chapter sets out ("第二章 煤矿企业的安全生产责任")."""
    for heading in reversed(clause.headings):
        named = explicit_actors(heading, clause.lang)
        if not named and clause.lang == "en":
            named = [a for a in [en.heading_actor(heading)] if a]
        if named:
            return named
    if clause.lang == "en":  # only mentioned: "Performing the government's … measures"
        for heading in reversed(clause.headings):
            mentioned = en.named_in(heading)
            if mentioned:
                return [mentioned]
    else:  # "第二章 煤矿企业的安全生产责任": a chapter of one party's duties
        for heading in reversed(clause.headings):
            if named := zh.chapter_party(heading):
                return named
    return []


def _actor(text: str, how: str, terms: dict[str, str] | None) -> Actor:
    name, level, successor = canonical(text, terms)
    return Actor(text, name, level, how, successor)


def with_actors(clause: Clause, terms: dict[str, str] | None = None) -> Clause:
    """The clause with its actors: explicit ones, else those inherited from the headings above.

    `terms` are the document's defined agents (e.g. "Secretary" -> "Secretary of Labor")."""
    own = explicit_actors(clause.text, clause.lang)
    if not own and clause.lang == "en" and (lead := en.heading_actor(clause.text)):
        own = [lead]  # a unit that is only a lead-in, '(a) Each employer', names the subject of its items
    if clause.kind == "item" and clause.lang == "zh" and zh.is_condition(clause.text):
        own = []  # an item listing an offence: whoever it names is the offender, the enforcer is above
    if clause.kind == "item" and clause.lang == "zh" and clause.headings and zh.sees_to(clause.text,
                                                                                  clause.headings[-1]):
        own = []  # "（六）从业人员能够熟练使用消防器材" under "其生产经营单位应当遵守下列规定：": the units see to it
    inherited = [] if own else inherited_actors(clause)
    if clause.kind == "paragraph" and clause.lang == "zh" and zh.REFERRED_PENALTY.search(clause.text):
        # "……的，依照《……条例》的规定处罚" after a paragraph "由安全生产监督管理部门责令改正": another law sets the
        # penalty and who imposes it; the article's lead-in does not
        inherited = []
    if inherited and clause.kind == "item" and all(a.startswith("下列") for a in inherited):
        # "下列单位应当建立应急值班制度：（一）县级以上人民政府……；": each item names one of those parties
        own = zh.split_compound(name) if (name := zh.bare_name(clause.text)) else [
            name for name in [zh.listed_name(clause.text)] if name]
    if not own and not inherited and clause.lang == "en":
        own = en.passive_agents(clause.text)  # "… shall be made … by a qualified person": no one else to name
    found = [_actor(a, "explicit", terms) for a in own] or [_actor(a, "inherited", terms) for a in inherited]
    return replace(clause, actors=tuple(found))


def find_actors(clauses: list[Clause]) -> list[Clause]:
    """A document's clauses with their actors, found with the document's own defined terms (any actors they
    held before, from an older extractor, are replaced); a requirement naming no one in sections the document
    declares mandatory standards binds the party its penalty provision holds liable (ingest.actors.standards); a
    clause setting a fine without naming who imposes it also gets the authority the document's general provision
    names (ingest.actors.penalties)."""
    terms = definitions([c.text for c in clauses])
    found = [with_actors(c, terms) for c in clauses]
    if standards := declared_standards(found):
        found = [_with_bound(c, bound_by(c, standards), terms) for c in found]
    general = general_authorities(found)
    return [_with_general(c, authority_for(c, general), terms) for c in found] if general else found


def _with_bound(clause: Clause, standards: Standards | None, terms: dict[str, str]) -> Clause:
    if standards is None:
        return clause
    return replace(clause, actors=(replace(_actor(standards.who, "bound", terms), source=standards.source),))


def _with_general(clause: Clause, general: GeneralAuthority | None, terms: dict[str, str]) -> Clause:
    if general is None:
        return clause
    return replace(clause, actors=(*clause.actors, replace(_actor(general.who, "general", terms),
                                                           source=general.source)))
