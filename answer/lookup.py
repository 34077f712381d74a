"""Questions that name a clause ("安全生产法第十条", "29 USC 658(c)") get exactly that clause first."""
from __future__ import annotations

import re
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from answer.rank import document_names
from index.kb import KnowledgeBase
from index.search import Hit
from index.store import DocRecord
from ingest.refs import Ref, parse_us, parse_zh, us_candidates, zh_candidates
from ingest.text import lang_of
from ingest.types import Clause

_TITLE_NO = re.compile(r"\bTitle\s+(\d+)\b")


def _bare(title: str) -> str:
    return re.sub(r"^中华人民共和国|[《》\s]", "", title)


def _zh_docs(ref: Ref, docs: list[DocRecord]) -> list[DocRecord]:
    """Documents a Chinese law name points to: the same name, else the shortest title holding it."""
    name = _bare(ref.doc)
    exact = [d for d in docs if _bare(d.title) == name]
    if exact or not name:
        return exact
    holding = sorted((d for d in docs if name in _bare(d.title)), key=lambda d: len(d.title))
    return holding[:1]


def _us_docs(ref: Ref, docs: list[DocRecord]) -> list[DocRecord]:
    if not ref.code_title:
        return docs  # "§ 657": any chapter that has it
    return [d for d in docs if (m := _TITLE_NO.search(d.title)) and m.group(1) == ref.code_title]


def unindexed_laws(kb: KnowledgeBase, question: str) -> list[str]:
    """Laws a question names that the index does not hold: a Chinese law named with an article
    ('职业病防治法第三十九条'), else the laws it names when it holds none of them ('根据职业病防治法，……',
    'Under the Clean Water Act, …'). A question that names a law the index holds is answered from it."""
    docs = kb.documents()
    with_article = [ref.doc for ref in parse_zh(question)
                    if ref.article and ref.doc and ref.doc != "self" and not _zh_docs(ref, docs)]
    if with_article:
        return list(dict.fromkeys(with_article))
    named = [(name, bool(_zh_docs(Ref(name, 0, name), docs))) for name in zh_laws_named(question)]
    named += [(name, _act_held(kb, name)) for name in acts_named(question)]
    if not named or any(held for _, held in named):
        return []
    return list(dict.fromkeys(name for name, _ in named))


# a Chinese law named without an article: in 《》, or after 根据 / 按照 … ('根据职业病防治法的规定')
_ZH_LAW = re.compile(r"《(?P<quoted>[^》]{2,40}?(?:法典|法|条例|规定|办法|细则|决定))》|"
                     r"(?:依照|依据|按照|根据|违反)(?P<bare>(?:中华人民共和国)?[\u4e00-\u9fff]{2,20}?(?:法|条例))"
                     r"(?![律规])")
_NOT_A_NAME = re.compile(r"^(?:这|该|此|本|上述|有关|相关|国家|法律|各|其)")


def zh_laws_named(question: str) -> list[str]:
    """Chinese laws a question names by title, without an article."""
    names = [m.group("quoted") or m.group("bare") for m in _ZH_LAW.finditer(question)]
    return [n for n in dict.fromkeys(names) if not _NOT_A_NAME.match(n)]


_SENTENCE_WORDS = {"Under", "Does", "Do", "Did", "Is", "Are", "Was", "What", "Which", "Who", "How", "When", "Where",
                   "Why", "Can", "Could", "May", "Must", "Should", "Would", "Will", "By", "Per", "In", "According",
                   "If", "Our", "My", "We", "I"}
_CONNECTORS = {"of", "and", "for", "on", "to", "in", "with", "the"}


def acts_named(question: str) -> list[str]:
    """English laws a question names ('the Clean Water Act', 'OSH Act'): the capitalised words before 'Act'."""
    found = []
    for m in re.finditer(r"\bAct\b", question):
        words = re.findall(r"[\w’'.-]+", question[: m.start()])
        name: list[str] = []
        for word in reversed(words):
            if word[:1].isupper() and word not in _SENTENCE_WORDS or word in _CONNECTORS - {"the"} and name:
                name.insert(0, word)
            else:
                break
        while name and name[0] in _CONNECTORS:
            name.pop(0)
        if name:
            found.append(" ".join([*name, "Act"]))
    return list(dict.fromkeys(found))


_NOT_SIGNIFICANT = {"federal", "act", "amendments", "amendment", "of", "and", "the", "for", "on", "to", "in", "with",
                    "u.s", "us", "united", "states"}


def _significant(name: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9’']+", name.lower().replace("-", " "))
    return frozenset(w for w in words if w not in _NOT_SIGNIFICANT and not w.isdigit())


def _act_held(kb: KnowledgeBase, act: str) -> bool:
    """The index holds the law: a document's name has its words ('Federal Mine Safety and Health Act'; two of
    three, 'Independent Safety Board Act') or its initials ('OSH Act'), or a clause at least mentions it, where
    an answer may come from."""
    words = _significant(act)
    if not words:
        return True
    for name in document_names(kb).values():
        shared = len(words & _significant(name.title))
        if shared == len(words) or len(words) >= 3 and shared >= 2 * len(words) / 3 or (
                name.pattern is not None and name.pattern.search(act)):
            return True
    return words in _mentioned_acts(kb)


_MENTIONED: WeakKeyDictionary[object, frozenset[frozenset[str]]] = WeakKeyDictionary()


def _mentioned_acts(kb: KnowledgeBase) -> frozenset[frozenset[str]]:
    """Every law the indexed English clauses name ('section 112(r) of the Clean Air Act'), by its words; read once
    per index generation."""
    gen = kb.gen
    if gen not in _MENTIONED:
        _MENTIONED[gen] = frozenset(_significant(a) for c in gen.store.all_clauses() if c.lang != "zh"
                                    for a in acts_named(c.text))
    return _MENTIONED[gen]


# an agency or body a question names by its initials ('OSHA', 'NTSB'); not one followed by 'Act' (a law: above)
_ACRONYM = re.compile(r"\b([A-Z]{3,6})(?:s|'s|’s)?\b(?!\s+Act\b)")
_ROMAN = re.compile(r"[IVXLCDM]+")
_FEDERAL = re.compile(r"\b(?i:federal)\b|\bUnited States\b|\bU\.S\.|\bUS\b")
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*")


@dataclass(frozen=True)
class _Names:
    """What an index's English text could name: its words, the initials of its runs of capitalised words ('National
    Transportation Safety Board' → NTSB, of titles too), of its runs of words at large ('local emergency planning
    committee' → LEPC), and whether any of it is federal law."""

    words: frozenset[str]
    capitalised: str  # run initials, '|' between runs
    runs: str
    federal: bool


_NAMES: WeakKeyDictionary[object, _Names] = WeakKeyDictionary()


def _initials(text: str) -> tuple[list[str], list[str]]:
    """The initials of `text`'s runs of capitalised words and of its runs of words, connectors left out."""
    capitalised, runs = [], []
    for piece in re.split(r"[^\w\s’'-]+", text):
        cap, run = "", ""
        for word in piece.split():
            if word.lower() in _CONNECTORS:
                continue
            run += word[0].lower()
            if _CAPITALISED.fullmatch(word):
                cap += word[0]
            elif cap:
                capitalised.append(cap)
                cap = ""
        capitalised.append(cap)
        runs.append(run)
    return capitalised, runs


def _names(kb: KnowledgeBase) -> _Names:
    """The index's `_Names`, read from its English clauses and titles once per index generation."""
    gen = kb.gen
    if gen not in _NAMES:
        texts = [c.text for c in gen.store.all_clauses() if c.lang != "zh"]
        texts += [d.title for d in gen.docs.values() if d.lang != "zh"]
        words: set[str] = set()
        capitalised: list[str] = []
        runs: list[str] = []
        for text in texts:
            plain = re.sub(r"\b([A-Z])\.(?=[A-Z]\.)|(?<=\b[A-Z])\.", r"\1", text)  # 'U.S.C.' is read as 'USC'
            words.update(re.findall(r"[\w’'-]+", plain))
            cap, run = _initials(plain)
            capitalised += cap
            runs += run
        _NAMES[gen] = _Names(frozenset(words), "|".join(w for w in capitalised if len(w) > 1),
                             "|".join(r for r in runs if r), any(_FEDERAL.search(t) for t in texts))
    return _NAMES[gen]


def unmentioned(kb: KnowledgeBase, question: str) -> list[str]:
    """What an English question names that the indexed regulations never mention, so that no clause of theirs
    governs it: an agency by its initials ('OSHA') that no word or run of words of theirs spells, or federal law
    when none of them is federal ('federal', 'U.S.'). On the default corpus, a question about OSHA finds the seed's
    clauses about Chinese government departments near, and would be answered from them."""
    if lang_of(question) == "zh":
        return []
    names = _names(kb)
    found = []
    for m in _ACRONYM.finditer(question):
        initials = m.group(1)
        if (_ROMAN.fullmatch(initials) or initials in names.words or initials.lower() in names.words
                or initials.capitalize() in names.words or initials in names.capitalised
                or initials.lower() in names.runs):
            continue
        found.append(initials)
    if _FEDERAL.search(question) and not names.federal:
        found.append("federal law")
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class References:
    """The clause references a question makes, resolved against the index."""

    found: list[Clause]  # the clauses it names, in the order it names them
    absent: list[str]  # references, as written, to clauses the index does not have ('安全生产法第二百条', '29 USC 999')
    # references to a part their clause lacks, each with the clause cited in its place: a paragraph (款) its
    # article lacks ('安全生产法第十条第九款': the article has three; a 第一款 of a one-paragraph article is the article
    # itself), a US Code subdivision its section does not have ('29 USC 654(a)(9)': (a) has two paragraphs, and a
    # part held inline in its parent's text, unsplit, counts as there)
    partial: list[tuple[str, Clause]]


def references(kb: KnowledgeBase, question: str) -> References:
    """Every clause reference in the question, resolved once: found, absent, or a part its clause lacks."""
    docs = kb.documents()
    # each reference, its candidate ids in each document, the paragraph (款) it names, if any, and whether it is
    # a US Code one
    wanted: list[tuple[str, list[list[str]], int, bool]] = []
    for ref in parse_zh(question):
        if ref.article and ref.doc and ref.doc != "self" and (held := _zh_docs(ref, docs)):
            wanted.append((ref.text, [zh_candidates(d.doc_id, ref) for d in held], ref.kuan, False))
    for ref in parse_us(question):
        if ref.section:
            wanted.append((ref.text.strip(), [us_candidates(d.doc_id, ref) for d in _us_docs(ref, docs)], 0, True))
    found: list[Clause] = []
    absent: list[str] = []
    partial: list[tuple[str, Clause]] = []
    for text, per_doc, kuan, us in wanted:
        # the most specific candidate that exists, in each document the reference may point to
        pairs = [(candidates, hit) for candidates in per_doc if (hit := next(iter(kb.clauses(candidates)), None))]
        hits = [hit for _, hit in pairs]
        if not hits:
            absent.append(text)
        elif kuan > 1 and all(hit.clause_id == candidates[-1] and kuan > len(hit.paragraphs)
                              for candidates, hit in pairs):
            partial.append((text, hits[0]))  # the article itself, and it has fewer paragraphs than that
        elif us and all(not _holds(hit, candidates[0]) for candidates, hit in pairs):
            partial.append((text, hits[0]))  # a subdivision above the one named, which does not hold it
        found += [h for h in hits if h.clause_id not in {c.clause_id for c in found}]
    return References(found, list(dict.fromkeys(absent)), partial)


def cited_by(reference: str, hits: list[Hit]) -> bool:
    """A clause found cites the reference as the question writes it: "an FAA order imposing a civil penalty under
    section 46301" asks about the clause that provides for appeals of "an order imposing a penalty under section
    46301", a section of another chapter that the index does not hold."""
    written = re.compile(rf"(?<![\w.]){re.escape(reference)}(?!\w)", re.I)
    return any(written.search(h.clause.text) for h in hits)


# what stands before a subdivision's marker when the text refers to it rather than sets it out
_NOT_A_CROSS_REFERENCE = "".join(rf"(?<!{word} )" for word in (
    "paragraph", "paragraphs", "subparagraph", "subparagraphs", "subsection", "subsections", "section", "clause",
    "clauses", "and", "or", "through", "of", "in", "under", "to"))


def _holds(clause: Clause, wanted_id: str) -> bool:
    """The clause is the one wanted, or holds the next part of its path in its own text ('(9)' of '…/a/9' in
    '…/a'): US Code subdivisions are split into clauses only where the text sets them apart."""
    if clause.clause_id == wanted_id:
        return True
    label = wanted_id[len(clause.clause_id) + 1:].split("/")[0]
    own = clause.clause_id.rsplit("/", 1)[-1]
    text = re.sub(rf"^\s*\({re.escape(own)}\)", "", clause.text)  # its own marker: '(2)' holds no '(2)'
    # a part set out in the text, not one cross-referenced ('under paragraph (2)', 'subsections (a) and (b)')
    return re.search(rf"(?:^|(?<=[\s:;—])){_NOT_A_CROSS_REFERENCE}\({re.escape(label)}\)", text) is not None


def with_named(kb: KnowledgeBase, hits: list[Hit], k: int, named: list[Clause]) -> list[Hit]:
    """Hits with the clauses a question names (`References.found`) put first."""
    if not named:
        return hits
    top = max((h.score for h in hits), default=0.0) + 1.0
    first = [Hit(c, top, found_by=("reference",)) for c in named]
    room = max(k - len(first) - 1, 0)  # one place stays for the best search hit
    parts = [Hit(p, top - 0.5, found_by=("part of reference",)) for c in named for p in _parts(kb, c, room)]
    ids = {c.clause_id for c in named} | {h.clause.clause_id for h in parts}
    return (first + parts[:room] + [h for h in hits if h.clause.clause_id not in ids])[:k]


def _parts(kb: KnowledgeBase, clause: Clause, room: int) -> list[Clause]:
    """Up to `room` of a named clause's own parts (subsections, paragraphs, items), in reading order: those that
    name their own actor first chosen, so that the answer can say who the clause binds, then the first ones."""
    prefix = clause.clause_id + "/"
    parts = [c for c in kb.gen.store.of_document(clause.doc_id) if c.clause_id.startswith(prefix)]
    naming = [c for c in parts if any(a.how == "explicit" for a in c.actors)][:room]
    chosen = {c.clause_id for c in naming}
    for c in parts:
        if len(chosen) >= room:
            break
        chosen.add(c.clause_id)
    return [c for c in parts if c.clause_id in chosen]
