"""The responsibility map on real text: actors and their duties, the inverse, shared duties, the vacuum."""
from __future__ import annotations

from answer.duties import responsibility_map
from regkb import api


def test_an_actors_duties_are_grouped_by_document_with_citations(corpus_settings, embedder):
    kb = api.open_kb(corpus_settings, embedder=embedder)
    duties = api.duties_of(kb, "公安机关")
    cites = {d.cite for d in duties}
    assert "《危险化学品安全管理条例》第六条第二项" in cites  # (二)公安机关负责危险化学品的公共安全管理
    assert [d.title for d in duties] == sorted(d.title for d in duties)
    item = next(d for d in duties if d.cite == "《危险化学品安全管理条例》第六条第二项")
    assert item.duty.startswith("(二)公安机关负责危险化学品的公共安全管理")


def test_successor_of_a_renamed_department_is_noted(corpus_settings, embedder):
    kb = api.open_kb(corpus_settings, embedder=embedder)
    renamed = api.duties_of(kb, "安全生产监督管理部门")
    assert renamed and all(d.successor == "应急管理部门" for d in renamed if d.written.endswith("安全生产监督管理部门"))


def test_inverse_and_shared_duties(corpus_settings, embedder):
    rmap = responsibility_map(api.open_kb(corpus_settings, embedder=embedder))
    a10 = {d.actor for d in rmap.holders("安全生产法(2021-06-10)/a10")}
    assert {"应急管理部门", "负有安全生产监督管理职责的部门"} <= a10
    assert "安全生产法(2021-06-10)/a10" in dict(rmap.shared())


def test_map_json_has_every_section(corpus_settings, embedder):
    data = responsibility_map(api.open_kb(corpus_settings, embedder=embedder)).as_json()
    assert set(data) == {"actors", "by_actor", "by_clause", "shared", "vacuum", "conflicts"}
    assert data["actors"][0]["duties"] >= data["actors"][-1]["duties"]
    vacuum = {c["clause_id"] for c in data["vacuum"]}
    # "……的，还应当查明……行政部门的责任" states a duty and names no one who must carry it; "安全设施，必须与主体工程
    # 同时设计" names no one either, but its chapter ("第二章 生产经营单位的安全生产保障") does
    assert "安全生产法(2021-06-10)/a87" in vacuum and "安全生产法(2021-06-10)/a10" not in vacuum
    assert "安全生产法(2021-06-10)/a31" not in vacuum
    english = data["by_actor"]["Secretary of Labor"]  # 29 U.S.C. § 652(1) defines "Secretary"
    assert any(d["cite"] == "29 U.S.C. § 655(a)" for d in english)
