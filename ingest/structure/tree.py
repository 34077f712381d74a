"""The shared splitting mechanism: marked paragraphs -> a tree of units -> clause records.

A family (Chinese law, US Code, numbered text) only says what each paragraph is (a `Mark`);
this module builds the tree, gives every unit its heading path, id and span, and emits clauses.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from ingest.structure.markers import strip_hashes
from ingest.structure.paragraphs import Paragraph

HEADING_CAP = 300


@dataclass(frozen=True)
class Mark:
    """What a family says one paragraph is."""

    kind: str  # title | heading | unit | lead | text | skip
    level: float = 0.0
    number: str = ""  # as written: 第十条, （三）, (5), § 654
    key: str = ""  # id component: a10, i3, 5, s654
    unit: str = ""  # clause kind: article, item, section, paragraph, preamble, lead
    skip: int = 0  # characters of markup before the text (e.g. '#### ')


TEXT = Mark("text")
SKIP = Mark("skip")


@dataclass(eq=False)
class Node:
    """A unit of the document tree with the paragraphs it owns."""

    mark: Mark
    paras: list[Paragraph]
    headings: tuple[str, ...]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.paras[0].start

    @property
    def end(self) -> int:
        return self.paras[-1].end

    def ancestors(self) -> list[Node]:
        """Ancestors from the root down to the parent."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]


class Family(Protocol):
    """Rules of one document family."""

    name: str

    def marks(self, paras: list[Paragraph]) -> list[Mark]: ...

    def title(self, parts: list[str]) -> str: ...

    def number(self, node: Node) -> str: ...

    def cite(self, node: Node, title: str) -> str: ...


@dataclass
class Tree:
    """A document's units in reading order, with the title parts found on the way."""

    nodes: list[Node]
    title_parts: list[str]


def _trim(p: Paragraph, skip: int) -> Paragraph:
    """The paragraph without its heading marks: at most the '#'s and spaces it really has ('####§ 2' keeps '§')."""
    skip = min(skip, strip_hashes(p.text)[1])
    if not skip:
        return p
    text = p.text[skip:]
    lead = len(text) - len(text.lstrip())
    return Paragraph(p.start + skip + lead, p.end, text.strip())


def _must_close(top: Node, mark: Mark) -> bool:
    # a lead-in right after a lead-in that has no items yet is a sub-heading of it
    if mark.kind == "lead" and top.mark.kind == "lead" and not top.children:
        return False
    return top.mark.level >= mark.level


def _open(stack: list[Node], mark: Mark, para: Paragraph, heads: list[tuple[float, str]]) -> Node:
    """Close what the new unit ends, then open it under whatever stays open."""
    if mark.kind == "text":  # loose text with nothing open: a unit of its own
        mark = Mark("unit", level=99, unit="paragraph")
    while stack and _must_close(stack[-1], mark):
        stack.pop()
    node = Node(mark, [para], tuple(h for _, h in heads), stack[-1] if stack else None)
    if node.parent:
        node.parent.children.append(node)
    if mark.level < 99:
        stack.append(node)
    return node


def build(paras: list[Paragraph], marks: list[Mark]) -> Tree:
    """Build the unit tree from paragraphs and their marks."""
    tree = Tree([], [])
    heads: list[tuple[float, str]] = []
    stack: list[Node] = []
    for raw, mark in zip(paras, marks, strict=True):
        para = _trim(raw, mark.skip)
        if mark.kind == "skip" or not para.text:
            continue
        if mark.kind == "title":
            tree.title_parts.append(para.text)
        elif mark.kind == "heading":
            stack.clear()
            heads = [h for h in heads if h[0] < mark.level] + [(mark.level, para.text)]
        elif mark.kind == "text" and stack:
            stack[-1].paras.append(para)
        else:
            tree.nodes.append(_open(stack, mark, para, heads))
    return tree


def _cap(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= HEADING_CAP else text[: HEADING_CAP - 1] + "…"


def heading_path(node: Node) -> tuple[str, ...]:
    """Structural headings, then each ancestor's opening words and lead-in sentence."""
    path = list(node.headings)
    for anc in node.ancestors():
        path.append(_cap(anc.paras[0].text))
        if len(anc.paras) > 1:
            path.append(_cap(anc.paras[-1].text))
    return tuple(path)


def node_ids(tree: Tree) -> dict[Node, str]:
    """A readable id path per node (e.g. a6/i3, s1/l2/4), made unique in reading order."""
    ids: dict[Node, str] = {}
    seen: dict[str, int] = {}
    ordinals: dict[tuple[int, str], int] = {}
    for node in tree.nodes:
        key = node.mark.key
        if not key:  # unnumbered: l1, l2 … for lead-ins, p1, p2 … for paragraphs, per parent
            prefix = "l" if node.mark.kind == "lead" else "p"
            slot = (id(node.parent), prefix)
            ordinals[slot] = ordinals.get(slot, 0) + 1
            key = f"{prefix}{ordinals[slot]}"
        base = f"{ids[node.parent]}/{key}" if node.parent else key
        seen[base] = seen.get(base, 0) + 1
        ids[node] = base if seen[base] == 1 else f"{base}~{seen[base]}"
    return ids
