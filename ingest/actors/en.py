"""Who must act in an English clause: the subject before 'shall / must / may …', or the agent after 'by'."""
from __future__ import annotations

import re

from ingest.text import sentences

MODAL = re.compile(r"\b(shall|must|should|may|will|(?:is|are)\s+(?:also\s+|hereby\s+|further\s+)?"
                   r"(?:responsible|authorized|directed|empowered))\b")
MARKER = re.compile(r"^(?:§+\s*\d+[A-Za-z]*\.?|\(\w{1,4}\)|\d+(?:\.\d+)*\.)\s*")
CONDITION = re.compile(r"^(if|where|when|whenever|unless|until|upon|on|in|after|before|within|for|except|subject|"
                       r"notwithstanding|not later|no later|at|during|with|to|as soon)\b", re.I)
AGENT = re.compile(
    r"\b(secretar(?:y|ies)|employers?|employees?|agenc(?:y|ies)|departments?|commission|board|states?|"
    r"governors?|persons?|operators?|committees?|commissioners?|administrator|director|institute|chairman|chairperson|"
    r"owners?|facilit(?:y|ies)|governments?|authorit(?:y|ies)|institutions?|officers?|officials?|inspectors?|"
    r"representatives?|councils?|enterprises?|president|attorney general|comptroller general|court|panel|"
    r"administration|"
    r"office|bureau|organi[sz]ations?|ministr(?:y|ies)|contractors?|miners?|heads?|leaders?|individuals?|"
    r"claimants?|applicants?|carriers?|manufacturers?|respondents?|petitioners?|judges?|members?|delegates?|"
    r"attorneys?|solicitors?|part(?:y|ies)|"
    r"team|teams|coordinators?|units?|company|companies|cadres?|recipients?|grantees?|licensees?|permittees?|"
    r"foreman|foremen|superintendents?|supervisors?|managers?|examiners?)\b",
    re.I)
PRONOUNS = {"he", "she", "it", "they", "he or she", "such person", "such agency", "such department", "it to", "is"}
_DETERMINED = re.compile(r"^(?:the|each|every|any|a|an|such|all|no)\s+", re.I)
_BY_AGENT = re.compile(r"\bby\s+((?:the|each|any|such)\s+[A-Z][\w’'-]*"
                       r"(?:\s+(?:(?:of|for|and)(?:\s+the)?\s+)?[A-Z][\w’'-]*)*)")
_POSSESSOR = re.compile(r"\b((?:the|each|any)\s+(?:\w+\s+){0,2}?(?:government|department|agency|commission|board))"
                        r"(?:'s|’s)?\b", re.I)
MAX_WORDS = 18
# after the modal, a verb that makes the subject the one who receives or is punished, not the one who acts
_RECEIVES = re.compile(r"^\s*(?:not\s+)?(?:\w+ly\s+)?(?:receive|be\s+(?:\w+ly\s+)?(?:given|provided|notified|"
                       r"afforded|entitled|paid|compensated|reimbursed|subject|eligible|protected|assessed|fined|imprisoned|punished|"
                       r"guilty))\b", re.I)
# a passive's participle, regular or one of the common irregular ones
PARTICIPLE = r"(?:\w+(?:ed|en)|made|held|paid|kept|brought|sent|done|set|sold|told|found|built|heard|put|laid|led|" \
             r"bought|sought|borne|met)"
# "shall be investigated by the operator or his agent": a passive names its actor after 'by'
_PASSIVE_BY = re.compile(rf"\s+(?:not\s+)?be\s+{PARTICIPLE}\s+by\s+", re.I)
# "shall be prescribed by the Secretary", "shall be assigned to cases by the Chairman", not "shall be submitted
# to … officials of the State designated by the Governor" (a participle that only describes a noun): a form of
# 'be' and a participle stand at most eight words before 'by'
_PASSIVE_BEFORE = re.compile(rf"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?{PARTICIPLE}"
                             r"(?:[\s,]+[^\s,]+){0,8}[\s,]*$", re.I)
_BY = re.compile(r"\b(?:by|from)\s+")  # "shall receive from the Secretary a written statement"
# "a training plan approved by the Secretary": the approval describes the plan; who gives the training is unnamed
_DESCRIBES = re.compile(r"\b(?:approved|prescribed|established|issued|promulgated|designated|certified)\s+$")
_DUTY_OF = re.compile(r"\s+be\s+the\s+(?:duty|responsibility|obligation)\s+of\s+(.+?)\s+to\s+\w", re.I)
_OR_AGENT = re.compile(r"\s+or\s+(?:his|her|its|their)\s+agents?\b", re.I)
# a head ending in a relative pronoun: the modal after it belongs to the relative clause
_RELATIVE_END = re.compile(r"(?:,\s*|\s)(?:which|who|that)$", re.I)
# words that cannot open a subject: the modal belongs to a clause inside the sentence
_NOT_OPENING = re.compile(r"^(?:and|or|but|for|which|that|who|whom|whose|to|by|with|of|as|so|than|contains?|"
                          r"provides?|includes?|including|requires?|means|except)\b")


_AS_THE_CASE = re.compile(r",?\s*as the case may be,?", re.I)
# what a subject carries beside its name: "(referred to in this section as the “Secretary”)", "[ 29 U.S.C. 651 ]",
# and the parties it consults or acts through ("…, acting through the Director of …,", "in consultation with the
# Secretary of Labor"), who are not the ones bound (how it acts, ", in accordance with …,", is _ASIDES_AFTER's)
_ASIDE = re.compile(r"\s*(?:\((?=[^()]*\s)[^()]*\)|\[[^\[\]]*\])")
_SIDE_PARTY = re.compile(r",?\s+(?:acting\s+through|in\s+(?:consultation|coordination|cooperation|conjunction)\s+with)"
                         r"\s[^,]*(?:,|$)", re.I)
# an exception between commas ("All power-connection points, except where permissible power connection units are
# used, outby …"): its words are no part of the subject
_EXCEPTION = re.compile(r",\s*except\s+(?:where|when|as|that|for|in)\b[^,]*,", re.I)
_COMPOUND = re.compile(r"(?:,\s*(?:and|or|and/or)?|\s+(?:and|or|and/or))\s+(?=(?:the|each|any|a|an)\s)", re.I)
_POSSESSED = re.compile(r"(?:’s|'s)\s+\w+")


def split_compound(subject: str) -> list[str]:
    """'The Secretary or the Secretary of Health and Human Services' names two actors."""
    parts = [p.strip(" ,") for p in _COMPOUND.split(subject)]
    return parts if len(parts) > 1 and all(AGENT.search(p) for p in parts) else [subject]


AGENT_PHRASE = re.compile(r"\b(?:the|each|any|every|an?)\s+(?:[\w’'-]+\s+){0,3}?" + AGENT.pattern[2:-2] + r"\b"
                           r"(?:\s+of\s+(?-i:(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*))?", re.I)


# an agent that only undergoes a verb ("Where an advisory committee is appointed and the Secretary determines …, he
# shall"): not the one a pronoun after the circumstance stands for
_PASSIVE_SUBJECT = re.compile(rf"{AGENT_PHRASE.pattern}\s+(?:is|are|was|were|has been|have been)\s+{PARTICIPLE}\b",
                              re.I)


def _first_agent(text: str) -> str:
    m = AGENT_PHRASE.search(text)
    return m.group(0) if m else ""


def _subject(sentence: str) -> str:
    """The subject before the first modal verb, when it reads as an agent; in the passive ('… shall be
    investigated by the operator'), the agent after 'by'."""
    sentence = _AS_THE_CASE.sub("", MARKER.sub("", sentence.strip()))
    # "(which period shall not begin to run …)": a modal inside a parenthesis is not the sentence's own
    for modal in (m for m in MODAL.finditer(sentence) if not _in_parenthesis(sentence, m.start())):
        after = sentence[modal.end():]
        if _RECEIVES.match(after):
            # "… shall be entitled … to full compensation by the operator": who gives it acts
            giver = next((m for m in _BY.finditer(after) if AGENT_PHRASE.match(after, m.end())
                          and not _DESCRIBES.search(after, 0, m.start())), None)
            return AGENT_PHRASE.match(after, giver.end()).group(0) if giver else ""
        if (duty := _DUTY_OF.match(after)) and sentence[: modal.start()].strip().lower() == "it":
            return re.sub(r"\s*\([^)]*\)", "", duty.group(1)).strip()  # "It shall be the duty of X to …"
        if (passive := _PASSIVE_BY.match(after)) and (agent := AGENT_PHRASE.match(after, passive.end())):
            more = _OR_AGENT.match(after, agent.end())
            return agent.group(0) + (more.group(0) if more else "")
        head = _THAT_OPENS.sub("", _ADVERB.sub("", sentence[: modal.start()].strip(" ,;")))
        if _RELATIVE_END.search(head) or _AS_AGENT.search(head):
            # "(2) designate an organization …, which shall have …": the modal of a relative clause; "… at such
            # time and in such manner as the Director may require": the modal of what the Director requires
            continue
        named = _before_modal(_EXCEPTION.sub("", _SIDE_PARTY.sub("", _ASIDE.sub("", head))).strip(" ,;"))
        if named is not None:
            return named
    tail = sentence.rsplit(",", 1)[-1].strip()
    if sentence.endswith("…") and _DETERMINED.match(tail) and AGENT.search(tail):
        # a lead-in cut short before its verb still names its subject last
        # (its last word may be cut: 'the owner or operator shal…')
        return re.sub(r"(?:\s+(?:of|the|and|or|an?))+$", "", tail.rstrip(" …").rsplit(" ", 1)[0])
    return ""


def _before_modal(head: str) -> str | None:
    """The actor in the words before a modal (asides and side parties taken out); None when the modal belongs to
    a clause inside the sentence and the next one should be read."""
    condition = ""
    if CONDITION.match(head):
        whole = head
        if "," in head:
            condition, head = (part.strip() for part in head.rsplit(",", 1))
        # the circumstance runs on to the modal ("Where miners are exposed to … roof, face, and ribs the operator
        # shall"; "…, the Director, in carrying out the functions of the Institute, is authorized")
        runs_on = whole == head or CONDITION.match(head) or _CONJUNCTION.match(head)
        if runs_on and (named := _trailing_list(whole) or _in_condition(condition) or _trailing_agent(head)):
            return named
        # the modal is a that-clause's inside the circumstance ("If the Attorney General determines … that the
        # accident may have been caused …, the Board shall"): the next one may be the sentence's
        if whole == head and _THAT_CLAUSE_END.search(head):
            return None
    if _VERB_FIRST.match(head):
        # "(3) designates such agency …, and contains satisfactory evidence that such agency will have …": an item
        # going on from its lead-in with a verb; the modal is a that-clause's, whose subject acts
        return _trailing_agent(head, after_that=True)
    if not _NOT_OPENING.match(head):
        return _agent_of(head, condition)
    # "…, and for which the Board will serve …, the Chairman shall": that modal belongs to an inner clause;
    # "…, the Secretary, upon presenting credentials to the owner, operator, or agent …, is authorized"
    return _in_condition(condition) or None


# a sentence adverb before the subject is no part of it: "However, those departments … may", "Thereafter, if …,
# the owner or operator … shall"
_ADVERB = re.compile(r"^(?:However|Moreover|Furthermore|Further|In addition|Additionally|Accordingly|Thereafter|"
                     r"Thereupon|Likewise|Similarly|Instead),\s+")


# an item that opens with 'That' (under "Such regulations shall provide for the following:"): "(ii) That the Mine
# Safety and Health Administration shall establish …" names the Administration
_THAT_OPENS = re.compile(r"^That\s+(?=(?:the|each|every|any|an?)\s)")


def _in_parenthesis(text: str, at: int) -> bool:
    return text.count("(", 0, at) > text.count(")", 0, at)


_AGENT_ENDS = re.compile(r"\s*$|\s+(?:who|whom|whose|which|that|or|and)\b")


def _in_condition(condition: str) -> str:
    """An agent standing alone between the commas of a leading circumstance."""
    for part in condition.split(",")[1:]:
        part = part.strip()
        agent = AGENT_PHRASE.match(part)
        if (_DETERMINED.match(part) and agent and _AGENT_ENDS.match(part, agent.end())
                and len(part.split()) <= MAX_WORDS):
            return part  # the agent, or it and a relative clause: not "the operator reestablishes a pattern …"
    return ""


def _inner_agent(head: str) -> str:
    """The agent of a clause inside the words before a modal, when the modal is its: "The trade secret claimant has
    30 days in which he may …" (whom the pronoun stands for); "Other underground structures installed in a coal
    mine as the Secretary may prescribe shall be …" (the only party the subject names is who prescribes)."""
    if _IN_WHICH_HE.search(head):
        return _first_agent(head)
    if (inner := _AS_AGENT_MAY.search(head)) and not AGENT.search(head, 0, inner.start()):
        return inner.group(1)
    return ""


def _agent_of(head: str, condition: str) -> str:
    """The actor in the words before a modal verb (`condition`: a leading circumstance cut off them)."""
    if head.lower() in PRONOUNS and condition:  # "If … the Secretary believes …, he shall …"
        return _first_agent(_PASSIVE_SUBJECT.sub("", condition))
    head = re.sub(r"^then\s+", "", head)  # "If …, then the Secretary shall"
    if not head or CONDITION.match(head) or head.lower() in PRONOUNS or not head[0].isalpha():
        return ""
    if named := _inner_agent(head):
        return named
    opening, _, rest = head.partition(",")
    if rest and len(opening.split()) <= 6 and not AGENT.search(opening) and _DETERMINED.match(rest.strip()):
        # "Each day, the mine foreman and each of his assistants shall", "Immediately following such a request, the
        # owner or operator …": when, not who
        head = rest.strip()
    # a relative clause ("… that implement administrative licences …") may run long and still name the actor
    relative = re.search(r"\s(?:that|which|who)\b", head)
    limit = MAX_WORDS * 2 if relative else MAX_WORDS
    # the name's own words: not "the Administrator" of "all information reported to or obtained by the Administrator"
    before_of = re.split(r"\s(?:of|by|to|from|for|under|with)\s", head)[0]
    named = AGENT.search(before_of) and not _POSSESSED.search(before_of)
    if (aside := _ASIDES_AFTER.match(head)) and AGENT.search(aside.group(1)):
        return aside.group(1)  # "The Secretary, on the record, after notice and opportunity for a hearing, may"
    if _agent_list(head):
        return head  # "The Secretary or …, and the Comptroller General …, or any of their … representatives"
    last = head.rsplit(",", 1)[-1].strip()
    lone = _DETERMINED.match(last) and AGENT_PHRASE.fullmatch(last)
    if "," in head and lone and not AGENT.search(head.split(",")[0]):
        return last  # "Prior to June 30, 1973 , the Secretary", "Every 5 years, the Secretary of the Interior"
    if named and len(head.split()) <= limit:
        return head
    if named and relative and len(head[: relative.start()].split()) <= MAX_WORDS:
        # "The owner or operator of any facility which is required to prepare … under … Act shall": too long
        # a relative clause to keep, the name before it is the actor
        return head[: relative.start()].strip(" ,")
    return _in_condition(condition)  # "In order to …, the Secretary, upon presenting …, is authorized"


# a modal after 'as the X' ("in such manner as the Administrator may prescribe") is the modal of what X prescribes,
# not of the sentence; one after a pronoun in a relative clause ("has 30 days in which he may") is the agent's the
# pronoun stands for
_AS_AGENT = re.compile(r"\bas\s+" + AGENT_PHRASE.pattern + r"$", re.I)
_AS_AGENT_MAY = re.compile(r"\bas\s+(" + AGENT_PHRASE.pattern + r")\s+(?:may|shall)\s+\w+", re.I)
_IN_WHICH_HE = re.compile(r"\b(?:in|within|during|by)\s+which\s+(?:he|she|it|they)$", re.I)

# a subject followed by asides that open with a preposition: the subject alone
_ASIDES_AFTER = re.compile(r"^((?:the|each|any|every|an?)\s[^,]+?)(?:,\s*(?:on|after|upon|in|with|at|for|under|by|"
                           r"before|within|through|pursuant)\b[^,]*)+,?$", re.I)
_LIST_PART = re.compile(r",\s*(?:and|or)?\s*|\s+(?:and|or)\s+(?=(?:the|each|any|every|an?)\s)")


def _agent_list(head: str) -> bool:
    """A subject that lists agents, too long as a whole for one name: each part a determined agent phrase."""
    parts = [p for p in _LIST_PART.split(head) if p]
    return len(parts) > 1 and all(_DETERMINED.match(p) and AGENT.search(_named_part(p)) and len(p.split()) <= 14
                                  for p in parts)


def _trailing_list(head: str) -> str:
    """A list of agents that ends a circumstance running on to the modal: "In any such proceeding the Secretary,
    the Commission, or the court" (its commas are the list's, not the circumstance's end)."""
    for m in _DETERMINER.finditer(head):
        tail = head[m.start():]
        parts = [p for p in _LIST_PART.split(tail) if p]
        if (len(parts) > 1 and not _GOVERNS.search(head[: m.start()])
                and all(AGENT_PHRASE.fullmatch(p) and not _DETERMINER.search(p, 1) for p in parts)):
            return tail
    return ""


def _named_part(phrase: str) -> str:
    """The words that name what a phrase is: 'the findings' of 'the findings of the Commission', 'Any dispute' of
    'Any dispute between the Secretary and …'; the whole of 'any of their duly authorized representatives'."""
    before = re.split(r"\s(?:of|by|to|from|for|under|with|between)\s", phrase)[0]
    return phrase if _DETERMINED.fullmatch(before + " ") else before


# an item whose words go on from its lead-in with a verb ("designates …", "sets forth …") has no subject of its own
_VERB_FIRST = re.compile(rf"^(?!(?:the|each|every|any|a|an|such|all|no|its|his|her|their)\b|{AGENT.pattern})"
                         r"[a-z]+s\b(?<!ss)")


_CONJUNCTION = re.compile(r"^(?:and|or|nor|but)\b")
# words that end on the subject of a clause opened by 'that' or by a verb of judging ("… determines a matter")
_THAT_CLAUSE_END = re.compile(r"\b(?:that|determines|finds|believes|deems)\s+(?:[\w’'-]+\s+){0,8}[\w’'-]+$")

_DETERMINER = re.compile(r"\b(?:the|each|every|any|an?)\s", re.I)
# what stands before an object or a relative clause's subject, not before the sentence's own subject
_GOVERNS = re.compile(r"\b(?:of|by|to|from|for|in|on|at|with|under|upon|against|which|who|whom|that|not|or|and)\s+$",
                      re.I)


# an agent and what it is the agent of, or where: "each operator of a coal mine in such State"
_OF_A_PLACE = re.compile(AGENT_PHRASE.pattern + r"(?:\s+(?:of|in|at)\s+(?:a|an|the|such|any|each)\s+[\w’'-]+"
                         r"(?:\s+[\w’'-]+)?){0,2}", re.I)


def _trailing_agent(head: str, *, after_that: bool = False) -> str:
    """The shortest agent phrase that ends `head` ("… roof, face, and ribs the operator"), unless a preposition,
    a conjunction, a relative pronoun or 'not' governs it ("… the functions of the Institute", "for which the
    Board", "the public or the parties"); with `after_that`, only one that opens a that-clause ("… satisfactory
    evidence that such agency")."""
    for m in reversed(list(_DETERMINER.finditer(head))):
        if _OF_A_PLACE.fullmatch(head, m.start()):
            before = head[: m.start()]
            if after_that:
                return head[m.start():] if re.search(r"\bthat\s+$", before) else ""
            # "If any party shall apply …": right after its opening word, the agent is the circumstance's own
            own = CONDITION.fullmatch(before.strip())
            return "" if own or _GOVERNS.search(before) else head[m.start():]
    return ""


_EXCEPT_THAT = re.compile(r",\s*except\s+that\s+(" + AGENT_PHRASE.pattern + r"(?:\s+or\s+(?:his|her|its|their)\s+"
                          r"(?:duly\s+)?authorized\s+representatives?)?)\s+(?:shall|may|must)\b", re.I)


# ", and each operator of such mine shall limit …" after a first clause whose subject is no agent ("the entries …
# shall be separated …"): a coordinated clause names its own subject
_AND_AGENT = re.compile(r"[,;]\s*(?:and|but)\s+(" + _OF_A_PLACE.pattern + r")\s+(?:shall|may|must)\b", re.I)
# "… shall be made at four-hour intervals during each shift by a qualified person designated by …": a passive's
# agent that only a lower-case name gives, a few words after its participle
_BY_PHRASE = re.compile(r"\bby\s+((?:the|each|any|such|an?)\s+(?:[\w’'-]+\s+){0,2}?" + AGENT.pattern[2:-2]
                        + r")\b(?!’s|'s)", re.I)


def actors(text: str) -> list[str]:
    """Actor phrases of an English text in order, without repeats."""
    found = []
    for para in text.split("\n"):
        for sentence in sentences(para):
            found += split_compound(subject) if (subject := _subject(sentence)) else []
            found += [a for m in _BY_AGENT.finditer(sentence) if AGENT.search(m.group(1))
                      and _PASSIVE_BEFORE.search(sentence, 0, m.start()) for a in split_compound(m.group(1))]
            # "Couplers … shall be of the three-phase type …, except that the Secretary may permit …" (or "the
            # Secretary or his authorized representative may permit")
            found += [m.group(1) for m in _EXCEPT_THAT.finditer(sentence)]
            found += [m.group(1) for m in _AND_AGENT.finditer(sentence) if not _RECEIVES.match(sentence[m.end():])
                      and m.group(1).lower() not in {f.lower() for f in found}]
    return list(dict.fromkeys(found))


# what a requirement's passive ("shall be made at four-hour intervals during each shift") puts before 'by'
_REQUIRED_BEFORE = re.compile(rf"\b(?:shall|must)\s+(?:not\s+)?be\s+(?:\w+ly\s+)?{PARTICIPLE}(?:[\s,]+[^\s,]+){{0,8}}"
                              r"[\s,]*$", re.I)


def passive_agents(text: str) -> list[str]:
    """Agents a passive names only with a lower-case phrase a few words after its participle ("Tests … shall be
    made at four-hour intervals during each shift by a qualified person designated by the operator"): for a clause
    that names no one else and inherits no one."""
    found = [m.group(1) for para in text.split("\n") for sentence in sentences(para)
             for m in _BY_PHRASE.finditer(sentence) if _REQUIRED_BEFORE.search(sentence, 0, m.start())
             and not _DESCRIBES.search(sentence, 0, m.start())]  # not "by methods approved by the Secretary"
    return list(dict.fromkeys(found))


def heading_actor(heading: str) -> str:
    """A lead-in that is itself the subject of the items below it: '(a) Each employer'."""
    bare = MARKER.sub("", heading).strip(" :：.")
    if not bare or MODAL.search(bare) or len(bare.split()) > 6:
        return ""
    return bare if _DETERMINED.match(bare) and AGENT.search(bare) else ""


def named_in(heading: str) -> str:
    """An agent a heading only mentions, e.g. 'the government' in 'Performing the government's … measures'."""
    m = _POSSESSOR.search(heading)
    return m.group(1) if m else ""


def head_word(phrase: str) -> str:
    """The agent word a phrase is named by, lower case and singular: 'operator' for 'the operators of a mine'."""
    m = AGENT.search(phrase.split(" of ")[0])
    return m.group(0).lower().rstrip("s") if m else ""


def antecedent(actor: str, text: str, until: int | None = None) -> str:
    """The full name 'such representative' stands for: the nearest agent phrase before it (before `until`)
    with the same head word ('an authorized representative of the Secretary'). `actor` itself when none."""
    if not actor.lower().startswith("such "):
        return actor
    word = head_word(actor)
    if not word:
        return actor
    at = text.find(actor) if until is None else until
    names = [m.group(0) for m in AGENT_PHRASE.finditer(text[: at if at >= 0 else len(text)])
             if head_word(m.group(0)) == word]
    return names[-1] if names else actor
