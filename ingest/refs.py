"""Legal references in text: 《安全生产法》第十条第二款, 本法第三十八条, 前款, 29 U.S.C. § 654(a)(1),
section 655 of this title, subsection (c). Parsing is pure; resolving needs the clause ids it may point to."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.text import cn_to_int
from ingest.types import Clause

_CN = "零〇一二三四五六七八九十百千两"
_NUM = rf"(?:\d+|[{_CN}]+)"  # digits or numerals, never a mix ('第十1条' is no reference)
ZH_REF = re.compile(
    rf"(?:《(?P<quoted>[^》]{{2,40}})》|(?P<bare>(?:中华人民共和国)?[\u4e00-\u9fff]{{1,24}}?(?:法典|法|条例|规定|办法|细则))"
    rf"|(?P<self>本法|本条例|本规定|本办法|本细则))?"
    rf"第(?P<art>{_NUM})条(?:之(?P<sub>[{_CN}]+))?(?:第(?P<kuan>{_NUM})款)?(?:第?[（(]?(?P<xiang>{_NUM})[）)]?项)?")
ZH_RELATIVE = re.compile(rf"(?P<rel>前款|本条(?!例))(?:第(?P<kuan>{_NUM})款)?(?:第(?P<xiang>{_NUM})项)?")
US_REF = re.compile(
    r"(?:(?P<title>\d{1,2})\s*U\.?\s?S\.?\s?C\.?(?:\s*A\.?)?\s*(?:§+|sec(?:tion)?\.?)?\s*|§+\s*|\bsection\s+)"
    r"(?P<sec>\d{2,5}[a-z]?(?:-\d+)?)(?P<path>(?:\([A-Za-z0-9]{1,4}\))*)", re.I)
US_THIS_TITLE = re.compile(r"\s+of\s+this\s+title")
US_SUBSECTION = re.compile(r"\bsubsection\s+(?P<path>(?:\([a-z0-9]{1,3}\))+)")


@dataclass(frozen=True)
class Ref:
    """A reference as written: which document (by name, 'self', or US Code title) and which clause."""

    text: str
    start: int
    doc: str = ""  # a law's name, 'self' for 本法/this title, '' when the text does not say
    article: int = 0
    sub: int = 0  # 第N条之一
    kuan: int = 0
    xiang: int = 0
    code_title: str = ""
    section: str = ""
    path: tuple[str, ...] = ()
    relative: str = ""  # 前款 / 本条 / subsection


def _n(value: str | None) -> int:
    return cn_to_int(value) if value else 0


_LEADING_VERB = re.compile(r"^(?:依照|依据|按照|根据|违反|适用|参照|执行|对|和|及|与)+")
_SELF = re.compile(r"本(?:法|条例|规定|办法|细则)$")


def _law_name(bare: str) -> str:
    """A bare law name without the verb before it; 'self' for 本法 and its kin."""
    name = _LEADING_VERB.sub("", bare)
    return "self" if _SELF.search(name) else name


def parse_zh(text: str) -> list[Ref]:
    """Chinese references in reading order."""
    refs = []
    for m in ZH_REF.finditer(text):
        doc = m.group("quoted") or ("self" if m.group("self") else _law_name(m.group("bare") or ""))
        refs.append(Ref(m.group(0), m.start(), doc, _n(m.group("art")), _n(m.group("sub")),
                        _n(m.group("kuan")), _n(m.group("xiang"))))
    for i in range(1, len(refs)):  # "本法第九十五条、第一百一十条": the list shares its law
        prev, ref = refs[i - 1], refs[i]
        if not ref.doc and prev.doc and text[prev.start + len(prev.text):ref.start] in ("、", "和", "或者", "及"):
            refs[i] = replace(ref, doc=prev.doc)
    for m in ZH_RELATIVE.finditer(text):
        refs.append(Ref(m.group(0), m.start(), "self", kuan=_n(m.group("kuan")), xiang=_n(m.group("xiang")),
                        relative=m.group("rel")))
    return sorted(refs, key=lambda r: r.start)


def parse_us(text: str) -> list[Ref]:
    """US Code references in reading order."""
    refs = []
    for m in US_REF.finditer(text):
        this_title = bool(US_THIS_TITLE.match(text, m.end()))
        title = m.group("title") or ""
        path = tuple(re.findall(r"\(([A-Za-z0-9]+)\)", m.group("path")))
        refs.append(Ref(m.group(0), m.start(), "self" if this_title or not title else "", code_title=title,
                        section=m.group("sec"), path=path))
    for m in US_SUBSECTION.finditer(text):
        refs.append(Ref(m.group(0), m.start(), "self", path=tuple(re.findall(r"\(([a-z0-9]+)\)", m.group("path"))),
                        relative="subsection"))
    return sorted(refs, key=lambda r: r.start)


def parse(text: str, lang: str) -> list[Ref]:
    return parse_zh(text) if lang == "zh" else parse_us(text)


def zh_candidates(doc_id: str, ref: Ref) -> list[str]:
    """Clause ids a Chinese reference may point to in a document, most specific first."""
    base = f"{doc_id}/a{ref.article}" + (f"-{ref.sub}" if ref.sub else "")
    out = []
    if ref.xiang:
        out.append(f"{base}/i{ref.xiang}")
    if ref.kuan:
        out.append(f"{base}/p{ref.kuan}")
    return out + [base]


def us_candidates(doc_id: str, ref: Ref) -> list[str]:
    """Clause ids a US reference may point to, from the full path up to the section."""
    out = []
    for depth in range(len(ref.path), -1, -1):
        out.append("/".join([f"{doc_id}/s{ref.section}", *ref.path[:depth]]))
    return out


def _relative_zh(clause: Clause, ref: Ref, known: set[str]) -> list[str]:
    """前款: the paragraph before this one; 本条第N款: the named paragraph of the same article."""
    article = re.match(r"^(.*?/a\d+(?:-\d+)?)(?:/|$)", clause.clause_id)
    if not article:
        return []
    base = article.group(1)
    if ref.relative == "本条":
        wanted = f"{base}/i{ref.xiang}" if ref.xiang else f"{base}/p{ref.kuan}"
        return [wanted, base] if wanted in known else [base]
    here = re.search(r"/p(\d+)$", clause.clause_id)
    previous = int(here.group(1)) - 1 if here else 0
    target = f"{base}/p{previous}" if previous > 1 else base
    return [target, base]


def resolve_within(clauses: list[Clause]) -> list[Clause]:
    """The clauses with `refs`: ids of the clauses of the same document their text refers to."""
    known = {c.clause_id for c in clauses}
    out = []
    for clause in clauses:
        found: list[str] = []
        for ref in parse(clause.text, clause.lang):
            if ref.doc != "self":
                continue
            if ref.relative and clause.lang == "zh":
                targets = _relative_zh(clause, ref, known)
            elif ref.relative:
                section = re.match(r"^(.*?/s[^/]+)", clause.clause_id)
                targets = us_candidates("", replace(ref, section="")) if not section else [
                    "/".join([section.group(1), *ref.path[:d]]) for d in range(len(ref.path), 0, -1)]
            else:
                targets = (zh_candidates(clause.doc_id, ref) if clause.lang == "zh"
                           else us_candidates(clause.doc_id, ref))
            hit = next((t for t in targets if t in known), None)
            if hit and hit != clause.clause_id and hit not in found:
                found.append(hit)
        out.append(replace(clause, refs=tuple(found)) if found else clause)
    return out
