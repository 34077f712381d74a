"""The regkb web app: Gradio widgets and wiring only. Handlers live in regkb.handlers and call the library."""
from __future__ import annotations

import gradio as gr

from regkb import handlers as h
from regkb import views
from regkb.config import Settings
from regkb.i18n import I18N, LABELS, t

EXAMPLES = [
    "Which department must revoke a licence when a unit still fails after rectification?",
    "Who must report hidden dangers of major accidents that exceed their jurisdiction?",
    "重大事故隐患超出本部门管辖范围时应当向谁报告？",
    "哪个部门对全国安全生产工作实施综合监督管理？",
    "谁负责核发剧毒化学品购买许可证？",
    "安全生产法第二十一条规定了什么？",
]
COURSE_EXPORTS = ["handout", "slides", "quiz_docx", "quiz_moodle", "quiz_gift"]
LANGUAGES = {"English": "en", "中文": "zh"}


class Labelled:
    """Components whose words follow the interface language, and what to say on each."""

    def __init__(self) -> None:
        self.entries: list[tuple[gr.components.Component | gr.blocks.BlockContext, dict[str, str]]] = []

    def __call__(self, component, **keys: str):  # noqa: ANN001, ANN204 - any Gradio block
        """Translate `component` now (browser language) and on every switch; keys map attributes to labels."""
        self.entries.append((component, keys))
        return component

    def updates(self, language: str) -> list[dict]:
        words = LABELS[LANGUAGES.get(language, "en")]
        return [gr.update(**{attr: words[key] for attr, key in keys.items()}) for _, keys in self.entries]


L = Labelled()


def _ask_tab() -> list[gr.Dropdown]:
    with gr.Row():
        question = L(gr.Textbox(label=t("question"), placeholder=t("question_hint"), scale=5, elem_id="question"),
                     label="question", placeholder="question_hint")
        ask = L(gr.Button(t("ask"), variant="primary", scale=1, elem_id="ask"), value="ask")
    with L(gr.Accordion(t("filters"), open=False), label="filters"), gr.Row():
        docs = L(gr.Dropdown(label=t("filter_docs"), multiselect=True, choices=h.documents(), value=[],
                             elem_id="filter-docs"), label="filter_docs")
        actor = L(gr.Dropdown(label=t("filter_actor"), choices=h.actors(), allow_custom_value=True, value=None),
                  label="filter_actor")
        lang = L(gr.Radio(["any", "zh", "en"], value="any", label=t("filter_lang")), label="filter_lang")
        k = L(gr.Slider(1, 20, value=5, step=1, label=t("k")), label="k")
    card = gr.HTML(elem_id="answer-card")
    with gr.Row():
        up = L(gr.Button(t("helpful"), size="sm", elem_id="vote-up"), value="helpful")
        down = L(gr.Button(t("not_helpful"), size="sm", elem_id="vote-down"), value="not_helpful")
        voted = gr.Markdown(elem_id="voted")
    with gr.Row():
        with gr.Column(scale=3):
            cited = gr.HTML(elem_id="citations", js_on_load=views.CARD_JS)
        with gr.Column(scale=2):
            context = gr.HTML(elem_id="context")
    shown = gr.State(None)
    gr.Examples(EXAMPLES, inputs=[question])
    inputs = [question, k, docs, actor, lang]
    ask.click(h.ask, inputs, [card, cited, shown], api_name="answer")
    question.submit(h.ask, inputs, [card, cited, shown], api_name="answer_on_enter", api_visibility="private")
    cited.click(h.open_context, None, context, api_visibility="private")
    up.click(lambda s: h.vote(s, True), shown, voted, api_visibility="private")
    down.click(lambda s: h.vote(s, False), shown, voted, api_visibility="private")
    return [docs, actor]


def _browse_tab() -> gr.Dropdown:
    with gr.Row():
        doc = L(gr.Dropdown(label=t("document"), choices=h.documents(), value=None, elem_id="browse-doc", scale=3),
                label="document")
        query = L(gr.Textbox(label=t("search_clauses"), scale=2, elem_id="browse-query"), label="search_clauses")
    tree = gr.HTML(elem_id="browse-tree")
    doc.change(h.browse, [doc, query], tree, api_visibility="private")
    query.submit(h.browse, [doc, query], tree, api_visibility="private")
    return doc


def _map_tab() -> tuple[gr.Dropdown, gr.Dropdown, gr.HTML, gr.HTML]:
    actor = L(gr.Dropdown(label=t("actor"), choices=h.actors(), value=None, elem_id="map-actor",
                          allow_custom_value=True), label="actor")
    duties = gr.HTML(elem_id="map-duties")
    actor.change(h.actor_duties, actor, duties, api_name="duties")
    shared = L(gr.Dropdown(label=t("shared_duty"), choices=[], value=None, elem_id="map-shared"), label="shared_duty")
    holders = gr.HTML(elem_id="map-holders")
    shared.change(h.who_shares, shared, holders, api_visibility="private")
    with L(gr.Accordion(t("vacuum"), open=False), label="vacuum"):
        vacuum = gr.HTML(elem_id="map-vacuum")
    with L(gr.Accordion(t("conflicts"), open=False), label="conflicts"):
        conflicts = gr.HTML(elem_id="map-conflicts")
    return actor, shared, vacuum, conflicts


def _course_tab() -> gr.Dropdown:
    with gr.Row():
        chosen = L(gr.Dropdown(label=t("course_actors"), choices=h.actors(), value=[], multiselect=True,
                               elem_id="course-actors"), label="course_actors")
        topic = L(gr.Textbox(label=t("course_topic"), elem_id="course-topic"), label="course_topic")
        title = L(gr.Textbox(label=t("course_title"), value="Responsibilities", elem_id="course-title"),
                  label="course_title")
    preview = L(gr.Button(t("preview"), elem_id="course-preview"), value="preview")
    table = L(gr.Dataframe(headers=h.COURSE_COLUMNS, datatype=["bool", "number", "str", "str", "str", "str"],
                           interactive=True, label=t("course_items"), elem_id="course-table", wrap=True),
              label="course_items")
    preview.click(h.course_preview, [chosen, topic], table, api_name="course_preview")
    with gr.Row():
        buttons = {kind: L(gr.Button(t(kind), elem_id=f"export-{kind}"), value=kind) for kind in COURSE_EXPORTS}
    download = L(gr.File(label=t("downloads"), elem_id="course-download"), label="downloads")
    for kind, button in buttons.items():
        button.click(lambda tb, ti, kind=kind: h.course_export(tb, ti, kind), [table, title], download,
                     api_name=f"export_{kind}")
    return chosen


def _documents_tab() -> gr.Dropdown:
    token = L(gr.Textbox(label=t("admin_token"), type="password", elem_id="admin-token"), label="admin_token")
    files = L(gr.File(label=t("upload"), file_count="multiple", elem_id="upload",
                      file_types=[".txt", ".md", ".pdf", ".docx", ".html", ".htm", ".jsonl"]), label="upload")
    ingest = L(gr.Button(t("ingest"), variant="primary", elem_id="admin-ingest"), value="ingest")
    results = L(gr.Dataframe(headers=["file", "result"], label=t("results"), elem_id="admin-results"),
                label="results")
    listing = L(gr.Dataframe(headers=["doc_id", "title", "clauses", "date", "ingested"], value=h.document_rows,
                             label=t("doc_list"), elem_id="admin-docs"), label="doc_list")
    with gr.Row():
        doomed = L(gr.Dropdown(label=t("remove_doc"), choices=h.documents(), value=None, elem_id="admin-remove-doc"),
                   label="remove_doc")
        remove = L(gr.Button(t("remove"), variant="stop", elem_id="admin-remove"), value="remove")
        reindex = L(gr.Button(t("reindex"), elem_id="admin-reindex"), value="reindex")
    message = gr.Markdown(elem_id="admin-message")
    ingest.click(h.admin_ingest, [token, files], [results, listing], api_name="admin_ingest")
    remove.click(h.admin_remove, [token, doomed], [message, listing], api_name="admin_remove")
    reindex.click(h.admin_reindex, [token], [message, listing], api_name="admin_reindex")
    return doomed


def _refresh() -> list[dict]:
    """Fresh choices for every document and actor list (the index may have changed since the page loaded)."""
    docs, actors = h.documents(), h.actors()
    return [gr.update(choices=docs), gr.update(choices=actors), gr.update(choices=docs), gr.update(choices=actors),
            gr.update(choices=actors), gr.update(choices=docs)]


def build() -> gr.Blocks:
    """The app's layout and event wiring."""
    L.entries.clear()
    with gr.Blocks(title="regkb — who is responsible?") as demo:
        with gr.Row():
            L(gr.Markdown(t("intro")), value="intro")
            language = gr.Radio(list(LANGUAGES), label="Language / 语言", scale=0, elem_id="language",
                                min_width=200)
        with gr.Tabs():
            with L(gr.Tab(t("tab_ask"), id="ask"), label="tab_ask"):
                ask_docs, ask_actor = _ask_tab()
            with L(gr.Tab(t("tab_browse"), id="browse"), label="tab_browse"):
                browse_doc = _browse_tab()
            with L(gr.Tab(t("tab_map"), id="map"), label="tab_map") as map_tab:
                map_actor, shared, vacuum, conflicts = _map_tab()
            with L(gr.Tab(t("tab_course"), id="course"), label="tab_course"):
                course_actors = _course_tab()
            with L(gr.Tab(t("tab_docs"), id="docs"), label="tab_docs"):
                doomed = _documents_tab()
        language.input(L.updates, language, [c for c, _ in L.entries], api_visibility="private")
        map_tab.select(lambda: (gr.update(choices=h.shared_choices()), *h.map_lists()), None,
                       [shared, vacuum, conflicts], api_visibility="private")
        demo.load(_refresh, None, [ask_docs, ask_actor, browse_doc, map_actor, course_actors, doomed],
                  api_visibility="private")
        gr.api(h.ask_json, api_name="ask")
    return demo


def serve(settings: Settings) -> None:
    """Start the app on the configured host and port, 127.0.0.1 unless told otherwise."""
    h.configure(settings)
    h.kb()  # load the index before the first visitor, and fail early if it is broken
    h.warm_up()
    demo = build()
    demo.queue(default_concurrency_limit=4, max_size=64)
    demo.launch(server_name=settings.host, server_port=settings.port, css=views.CSS, i18n=I18N, show_error=True,
                max_file_size=f"{settings.max_upload_mb}mb")


if __name__ == "__main__":
    serve(Settings.from_env())
