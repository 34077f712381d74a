"""Officials' questions about the default corpus find the clause that answers them first."""
from __future__ import annotations

import pytest

from regkb import api

S = "government-and-department-safety-responsibilities/s1"
QUESTIONS = [
    ("Which department must revoke a licence when a unit still fails after rectification?", f"{S}/l3/l1/l1/5"),
    ("Who has to report major accident hazards that go beyond their jurisdiction?", f"{S}/l3/l1/l1/4"),
    ("Who should put safety production into the regional economic and social development plan?", f"{S}/l2/2"),
    ("Who must set up safety management agencies and staff them with safety managers?", f"{S}/l3/l1/l1/3"),
    ("Which body organises joint law enforcement against illegal production and construction?", f"{S}/l2/7"),
    ("Who is responsible for emergency rescue equipment and the air rescue force?", f"{S}/l1/4"),
    ("Who supervises coal mine gas control and the closing of small coal mines?", f"{S}/l1/2"),
    ("Who must guide the safety supervision department's annual law enforcement plan?", f"{S}/l2/6"),
    ("Who must publicise safety laws and regulations and regularly study the department's safety work?",
     f"{S}/l3/l1/l1/1"),
    ("Who investigates concealed and late-reported accidents?", f"{S}/l1/3"),
]


@pytest.mark.parametrize("question,clause_id", QUESTIONS)
def test_right_clause_first(seed_settings, embedder, question, clause_id):
    answer = api.ask(api.open_kb(seed_settings, embedder=embedder), question, k=5)
    assert answer.citations[0].clause.clause_id == clause_id
    assert not answer.abstained


def test_responsible_party_for_the_licence_question(seed_settings, embedder):
    answer = api.ask(api.open_kb(seed_settings, embedder=embedder), QUESTIONS[0][0], k=3)
    assert answer.responsible == ["The government departments or institutions that implement administrative "
                                  "licenses and administrative approval of production safety matters in "
                                  "accordance with the law"]
    assert "revoked" in answer.text
