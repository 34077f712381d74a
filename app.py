"""The regkb web app: Gradio widgets and wiring; every answer comes from regkb.api."""
from __future__ import annotations

import functools

import gradio as gr

from index.kb import KnowledgeBase
from regkb import api, views
from regkb.config import Settings

EXAMPLES = [
    "Which department must revoke a licence when a unit still fails after rectification?",
    "Who must report hidden dangers of major accidents that exceed their jurisdiction?",
    "重大事故隐患超出本部门管辖范围时应当向谁报告？",
    "哪个部门对全国安全生产工作实施综合监督管理？",
]


_configured: list[Settings] = []


def configure(settings: Settings) -> None:
    """Use these settings instead of the environment's."""
    _configured[:] = [settings]


def _settings() -> Settings:
    return _configured[0] if _configured else Settings.from_env()


@functools.lru_cache(maxsize=4)
def _open(settings: Settings) -> KnowledgeBase:
    return api.open_kb(settings)


def _kb() -> KnowledgeBase:
    """The knowledge base, loaded once and refreshed when a new generation appears."""
    return _open(_settings())


def answer_question(question: str, k: float = 5) -> tuple[str, str]:
    """Answer card and cited clauses, as HTML, for the Ask tab."""
    question = (question or "").strip()
    if not question:
        raise gr.Error("Type a question first.")
    try:
        answer = api.ask(_kb(), question, k=int(k))
    except Exception as exc:  # one clear line in the page, not a traceback
        raise gr.Error(str(exc)) from exc
    return views.answer_card(answer), views.citations(answer, question)


def ask_json(question: str, k: int = 5) -> dict:
    """The same JSON object as `regkb ask --json`, for programs using gradio_client."""
    question = (question or "").strip()
    if not question:
        raise gr.Error("Type a question first.")
    return api.answer_json(_kb(), question, api.ask(_kb(), question, k=int(k)))


def build() -> gr.Blocks:
    """The app's layout and event wiring."""
    with gr.Blocks(title="regkb — who is responsible?") as demo:
        gr.Markdown("## regkb\nAsk who is responsible for a duty; get the clauses that say so.")
        with gr.Row():
            question = gr.Textbox(label="Question", placeholder="e.g. Who must revoke the licence …?", scale=5,
                                  elem_id="question")
            k = gr.Slider(1, 20, value=5, step=1, label="Clauses to cite", scale=1)
        ask_button = gr.Button("Ask", variant="primary", elem_id="ask")
        card = gr.HTML(elem_id="answer-card")
        cited = gr.HTML(elem_id="citations")
        gr.Examples(EXAMPLES, inputs=[question])
        ask_button.click(answer_question, [question, k], [card, cited], api_name="answer")
        question.submit(answer_question, [question, k], [card, cited], api_visibility="private")
        gr.api(ask_json, api_name="ask")
    return demo


def serve(settings: Settings) -> None:
    """Start the app on the configured host and port, 127.0.0.1 unless told otherwise."""
    configure(settings)
    _kb()  # load the index before the first visitor, and fail early if it is broken
    demo = build()
    demo.queue(default_concurrency_limit=4)
    demo.launch(server_name=settings.host, server_port=settings.port, css=views.CSS, show_error=True)


if __name__ == "__main__":
    serve(Settings.from_env())
