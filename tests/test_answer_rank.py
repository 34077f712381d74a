"""The answer's own order: a named law first, national law before a local one whose place the question omits,
bodies for questions asking which body acts, a document's front matter and statements of purpose only for
questions about its history or aims, an article before its items when its lead-in holds the question."""
from __future__ import annotations

import pytest

from answer.intent import asks_for_body
from answer.rank import DEFAULT, for_answer, name_pattern, place_of, states_purpose
from index.search import search
from regkb import api

THEFT = "第二条 危险物品仓库发生被盗的，仓库管理单位应当立即向所在地公安机关报告。"
NATIONAL = f"""# 危险物品管理条例

2001年3月1日国务院令第9号公布　2010年5月1日国务院令第88号修订，危险物品仓库被盗后向公安机关报告的规定同时施行

第一条 为了加强危险物品的安全管理，制定本条例。

{THEFT}

第三条 公安机关负责危险物品被盗案件的查处，应急管理部门负责危险物品仓库的安全监督管理。

第四条 建设单位应当在拆除工程施工15日前，将下列资料报送建设工程所在地的县级以上地方人民政府建设行政主管部门备案：

（一）施工单位资质等级证明；

（二）拆除施工组织方案；

（三）堆放、清除废弃物的措施。
"""
LOCAL = f"# 北京市危险物品管理条例\n\n第一条 为了加强本市危险物品的安全管理，制定本条例。\n\n{THEFT}\n"
TRANSPORT = f"# 危险物品运输条例\n\n第一条 为了加强危险物品运输的安全管理，制定本条例。\n\n{THEFT}\n"


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory, embedder):
    folder = tmp_path_factory.mktemp("rank")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name, text in (("危险物品管理条例.md", NATIONAL), ("北京市危险物品管理条例.md", LOCAL),
                       ("危险物品运输条例.md", TRANSPORT)):
        (corpus / name).write_text(text, encoding="utf-8")
    settings = api.Settings.from_env(index_dir=folder / "index")
    report = api.ingest_paths(settings, [corpus], embedder=embedder)
    assert report.ok, report.errors
    return api.open_kb(settings, embedder=embedder)


def _scores(hits) -> dict[str, float]:
    return {h.clause.clause_id: h.score for h in hits}


def _theft(hits) -> dict[str, float]:
    """Document id -> score of its theft article."""
    return {h.clause.doc_id: h.score for h in hits if h.clause.text == THEFT}


def test_place_and_names_of_documents():
    assert place_of("北京市安全生产条例") == "北京" and place_of("山东省安全生产条例") == "山东"
    assert place_of("中华人民共和国安全生产法") == "" and place_of("国务院关于特大安全事故行政责任追究的规定") == ""
    osh = name_pattern("CHAPTER 15— OCCUPATIONAL SAFETY AND HEALTH (Title 29— LABOR)")
    assert osh is not None
    for named in ("Who assesses penalties under the OSH Act?", "OSHA inspections", "the Occupational Safety and "
                  "Health Act"):
        assert osh.search(named), named
    assert not osh.search("OSHX rules") and not osh.search("occupational health")
    fire = name_pattern("中华人民共和国消防法")
    assert fire is not None and fire.search("按照消防法，谁负责？") and not fire.search("安全生产法")


def test_questions_asking_for_a_body():
    assert asks_for_body("这事归哪个部门管？", "zh") and asks_for_body("罚款由谁来罚？", "zh")
    assert asks_for_body("Which agency investigates pipeline accidents?", "en")
    assert not asks_for_body("企业要多久报告一次？", "zh") and not asks_for_body("How long may it last?", "en")


def test_national_law_before_a_local_rule_whose_place_the_question_omits_and_after_one_whose_place_it_names(kb):
    question = "危险物品仓库被盗了，仓库管理单位要向哪里报告？"
    hits = search(kb, question, k=10)
    before, after = _theft(hits), _theft(for_answer(kb, question, hits, "zh"))
    local = next(d for d in before if d.startswith("北京市"))
    national = next(d for d in before if d.startswith("危险物品管理条例"))
    assert after[local] == pytest.approx(before[local] - DEFAULT.local_elsewhere, abs=1e-6)
    assert after[national] == pytest.approx(before[national], abs=1e-6)
    assert not for_answer(kb, question, hits, "zh")[0].clause.doc_id.startswith("北京市")

    named = "北京的危险物品仓库被盗了，仓库管理单位要向哪里报告？"
    hits = search(kb, named, k=10)
    ordered = for_answer(kb, named, hits, "zh")
    assert _theft(ordered)[local] == pytest.approx(_theft(hits)[local] + DEFAULT.local_named, abs=1e-6)
    assert ordered[0].clause.doc_id.startswith("北京市")


def test_a_law_the_question_names_goes_first(kb):
    question = "按照危险物品运输条例，仓库被盗了，仓库管理单位要向哪里报告？"
    hits = search(kb, question, k=10)
    before, ordered = _theft(hits), for_answer(kb, question, hits, "zh")
    after = _theft(ordered)
    transport = next(d for d in before if d.startswith("危险物品运输条例"))
    assert after[transport] == pytest.approx(before[transport] + DEFAULT.named_law, abs=1e-6)
    assert ordered[0].clause.doc_id == transport


def test_a_question_asking_which_body_prefers_a_clause_naming_one(kb):
    question = "危险物品仓库被盗，哪个部门负责？"
    hits = search(kb, question, k=10)
    ordered = for_answer(kb, question, hits, "zh")
    after = _scores(ordered)
    for hit in hits:
        body = any(a.text.endswith(("部门", "机关")) for a in hit.clause.actors)
        local = hit.clause.doc_id.startswith("北京市")
        front = hit.clause.kind == "preamble"
        aims = states_purpose(hit.clause)
        expected = (hit.score + DEFAULT.body * body - DEFAULT.local_elsewhere * local - DEFAULT.front_matter * front
                    - DEFAULT.purpose * aims)
        assert after[hit.clause.clause_id] == pytest.approx(expected, abs=1e-6), hit.clause.clause_id
    assert any(a.text == "公安机关" for a in ordered[0].clause.actors)


def test_front_matter_answers_only_questions_about_the_documents_history(kb):
    question = "危险物品仓库被盗后，要向公安机关报告吗？"
    hits = search(kb, question, k=10)
    front = next(h for h in hits if h.clause.kind == "preamble")  # the record shares the question's words ...
    after = _scores(for_answer(kb, question, hits, "zh"))
    assert after[front.clause.clause_id] == pytest.approx(front.score - DEFAULT.front_matter, abs=1e-6)  # not a duty
    history = "危险物品管理条例是什么时候修订的？"
    hits = search(kb, history, k=10)
    front = next(h for h in hits if h.clause.kind == "preamble")
    named = front.score + DEFAULT.named_law  # the question names the law; its record keeps its place otherwise
    assert _scores(for_answer(kb, history, hits, "zh"))[front.clause.clause_id] == pytest.approx(named, abs=1e-6)


def test_a_statement_of_purpose_answers_only_questions_about_aims(kb):
    question = "危险物品的安全管理由哪个部门负责？"
    hits = search(kb, question, k=10)
    purpose = [h for h in hits if states_purpose(h.clause)]
    assert purpose and all(h.clause.number == "第一条" for h in purpose)  # 为了……，制定本条例 imposes no duty
    after = _scores(for_answer(kb, question, hits, "zh"))
    for hit in purpose:
        assert after[hit.clause.clause_id] < hit.score - DEFAULT.purpose + DEFAULT.body + 1e-6
    aims = "危险物品管理条例的立法目的是什么？"
    hits = search(kb, aims, k=10)
    first = next(h for h in hits if states_purpose(h.clause) and h.clause.doc_id.startswith("危险物品管理条例"))
    named = first.score + DEFAULT.named_law
    assert _scores(for_answer(kb, aims, hits, "zh"))[first.clause.clause_id] == pytest.approx(named, abs=1e-6)
    assert states_purpose(_clause("(b) The Congress declares it to be its purpose and policy … to assure …"))
    assert not states_purpose(_clause("(a) Each employer shall furnish to each of his employees employment …"))


def _clause(text: str):
    from ingest.types import Clause
    return Clause("doc/s1", "doc", "Title", "s1", (), text, (0, len(text)), "en")


def test_the_article_is_cited_when_its_lead_in_holds_the_question(kb):
    question = "拆除工程施工前多少天要把资料报送建设行政主管部门备案？"
    hits = search(kb, question, k=10)
    assert hits[0].clause.clause_id.split("/")[-1].startswith("i")  # search finds an item first ...
    ordered = for_answer(kb, question, hits, "zh")
    assert ordered[0].clause.clause_id == hits[0].clause.clause_id.rsplit("/", 1)[0]  # ... the answer its article
    assert [h.clause.clause_id for h in ordered].count(ordered[0].clause.clause_id) == 1

    item = "拆除施工组织方案要不要报送？"  # asks about one item's own words: the item stays first
    hits = search(kb, item, k=10)
    assert for_answer(kb, item, hits, "zh")[0].clause.clause_id == hits[0].clause.clause_id


def test_an_item_whose_lead_in_states_the_penalty_asked_for_states_it(kb):
    """"会罚多少钱？": the item ("（一）……不符合……的；") states no fine itself, its lead-in does; the duty article
    ("……应当……") states none: with equal search scores, the item goes first."""
    from index.search import Hit
    from ingest.types import Clause

    lead_in = "第六十条 单位违反本法规定，有下列行为之一的，责令改正，处五千元以上五万元以下罚款："
    item_text = "（一）消防设施、器材或者消防安全标志的配置、设置不符合国家标准的；"
    duty_text = "第十六条 机关、团体、企业、事业等单位应当按照国家标准配置消防设施、器材，设置消防安全标志。"
    item = Clause("doc/a60/i1", "doc", "doc", "60", (lead_in,), item_text, (0, len(item_text)), "zh", kind="item")
    duty = Clause("doc/a16", "doc", "doc", "16", (), duty_text, (0, len(duty_text)), "zh")
    question = "单位的消防器材配置不合规矩，会罚多少钱？"
    ordered = for_answer(kb, question, [Hit(duty, 0.5), Hit(item, 0.5)], "zh")
    assert ordered[0].clause.clause_id == "doc/a60/i1"
    asked_duty = "单位应当怎样配置消防器材？"  # not asking for a penalty: the order stays
    assert for_answer(kb, asked_duty, [Hit(duty, 0.5), Hit(item, 0.5)], "zh")[0].clause.clause_id == "doc/a16"


def test_a_named_clause_keeps_its_place(kb):
    answer = api.ask(kb, "危险物品管理条例第二条讲了什么？", k=5)
    assert answer.citations[0].clause.text == THEFT
    assert answer.citations[0].clause.doc_id.startswith("危险物品管理条例")


def test_answers_use_the_order(kb):
    answer = api.ask(kb, "危险物品仓库被盗了，仓库管理单位要向哪里报告？", k=3)
    assert not answer.citations[0].clause.doc_id.startswith("北京市")
