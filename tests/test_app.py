"""The real Gradio app, started as users start it, driven through its API with gradio_client."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client

from regkb import api
from regkb.config import Settings

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[str]:
    """`regkb serve` on an index of the default corpus, with a document planting HTML in its text."""
    folder = tmp_path_factory.mktemp("appdocs")
    (folder / "planted.txt").write_text(
        "Planted notice\n\n1. The safety inspector shall check the boiler <script>alert('x')</script> "
        "<b>weekly</b> and record the result.\n", encoding="utf-8")
    settings = Settings.from_env(index_dir=tmp_path_factory.mktemp("app") / "index")
    assert api.ingest_paths(settings, [ROOT / "corpus", folder], embedder=embedder).ok
    port = free_port()
    env = {**os.environ, "REGKB_INDEX": str(settings.index_dir), "HF_HUB_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False"}
    proc = subprocess.Popen([sys.executable, "-m", "regkb.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_ask_endpoint_returns_the_cli_json(app_url):
    client = Client(app_url, verbose=False)
    result = client.predict("Which department must revoke a licence when a unit still fails after rectification?",
                            3, api_name="/ask")
    assert result["answer"]["abstained"] is False
    top = result["citations"][0]
    assert top["clause_id"].endswith("/s1/l3/l1/l1/5")
    assert "original administrative license must be revoked" in top["text"]
    assert any("administrative licenses" in r for r in result["answer"]["responsible"])


def test_answer_endpoint_renders_escaped_cards(app_url):
    client = Client(app_url, verbose=False)
    card, cited = client.predict("Who must check the boiler weekly?", 3, api_name="/answer")
    assert "The safety inspector" in card
    assert "&lt;script&gt;" in cited and "<script>" not in cited
    assert "&lt;b&gt;" in cited and "<b>weekly" not in cited
    assert "<mark>" in cited  # the words the question shares are highlighted


def test_out_of_scope_question_abstains(app_url):
    client = Client(app_url, verbose=False)
    result = client.predict("What is the recipe for apple pie?", 3, api_name="/ask")
    assert result["answer"]["abstained"] is True and result["answer"]["responsible"] == []


def test_a_question_about_an_agency_the_default_corpus_never_mentions_is_told_so(app_url):
    client = Client(app_url, verbose=False)
    card, cited = client.predict("What records does OSHA require an employer to keep?", 3, api_name="/answer")
    assert "rk-abstain" in card and "<li>the indexed regulations do not mention OSHA</li>" in card
    assert "nearest clauses are shown below as leads" in card
    assert 'data-clause-id="government-and-department-safety-responsibilities/' in cited  # the seed's, as leads


def test_public_endpoints_keep_their_names(app_url):
    """Programs call these names; an event added later must not take one of them."""
    names = set(Client(app_url, verbose=False).view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert {"/ask", "/answer", "/duties", "/course_preview", "/admin_ingest", "/admin_remove",
            "/admin_reindex"} <= names
    assert not any(name.rsplit("_", 1)[-1].isdigit() for name in names), sorted(names)
