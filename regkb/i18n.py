"""Interface labels in English and Chinese, for Gradio's I18n (the browser's language by default,
switchable in the app's settings), and the words the server-rendered cards use."""
from __future__ import annotations

import gradio as gr

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "intro": "## regkb\nAsk who is responsible for a duty; get the clauses that say so.",
        "tab_ask": "Ask", "tab_browse": "Browse", "tab_map": "Responsibilities", "tab_course": "Course builder",
        "tab_docs": "Documents",
        "question": "Question", "question_hint": "e.g. Which department must revoke a licence when a unit still "
                                                  "fails after rectification?",
        "ask": "Ask", "k": "Clauses to cite", "filters": "Filters", "filter_docs": "Documents",
        "filter_actor": "Actor", "filter_lang": "Language", "any": "any",
        "context": "Clause in context", "helpful": "Helpful", "not_helpful": "Not helpful",
        "feedback_thanks": "Thank you — your feedback is stored for review.",
        "document": "Document", "search_clauses": "Search in the document", "actor": "Actor",
        "shared_duty": "A duty several actors share", "vacuum": "Duties with no clear actor",
        "conflicts": "Similar duties given to different actors",
        "course_actors": "Actors", "course_topic": "Topic (optional)", "preview": "Preview",
        "course_title": "Course title", "course_items": "Duties in the course (untick to drop, edit order to reorder)",
        "handout": "Handout (.docx)", "slides": "Slides (.pptx)", "quiz_docx": "Quiz (.docx)",
        "quiz_moodle": "Quiz (Moodle XML)", "quiz_gift": "Quiz (GIFT)", "downloads": "Downloads",
        "admin_token": "Admin token", "upload": "Regulations to add", "ingest": "Add to the index",
        "results": "Result per file", "remove_doc": "Document to remove", "remove": "Remove",
        "reindex": "Re-index everything", "doc_list": "Documents in the index",
    },
    "zh": {
        "intro": "## regkb 安全生产法规知识库\n提问某项职责由谁负责，并查看规定它的条款。",
        "tab_ask": "提问", "tab_browse": "浏览", "tab_map": "职责图谱", "tab_course": "课程生成",
        "tab_docs": "文档管理",
        "question": "问题", "question_hint": "例如：整改后仍不具备安全生产条件的，由哪个部门吊销许可？",
        "ask": "提问", "k": "引用条款数", "filters": "筛选", "filter_docs": "文档", "filter_actor": "责任主体",
        "filter_lang": "语言", "any": "不限",
        "context": "条款上下文", "helpful": "有帮助", "not_helpful": "没帮助",
        "feedback_thanks": "谢谢——反馈已保存，供后续审核。",
        "document": "文档", "search_clauses": "在文档中搜索", "actor": "责任主体",
        "shared_duty": "多个主体共同承担的职责", "vacuum": "没有明确责任主体的职责",
        "conflicts": "由不同主体承担的相似职责",
        "course_actors": "责任主体", "course_topic": "主题（可选）", "preview": "预览",
        "course_title": "课程标题", "course_items": "课程包含的职责（取消勾选可删除，修改序号可调整顺序）",
        "handout": "讲义（.docx）", "slides": "幻灯片（.pptx）", "quiz_docx": "测验（.docx）",
        "quiz_moodle": "测验（Moodle XML）", "quiz_gift": "测验（GIFT）", "downloads": "下载",
        "admin_token": "管理员令牌", "upload": "要添加的法规文件", "ingest": "加入索引",
        "results": "逐个文件的结果", "remove_doc": "要删除的文档", "remove": "删除",
        "reindex": "全部重建索引", "doc_list": "索引中的文档",
    },
}
I18N = gr.I18n(**LABELS)

# words inside server-rendered cards, which follow the language of the question
CARD_WORDS: dict[str, dict[str, str]] = {
    "en": {"responsible": "Responsible", "receives": "Goes to", "confidence": "confidence",
           "nobody": "No single responsible party is named",
           "leads": "the nearest clauses are shown below as leads, not as an answer", "who_acts": "Who must act",
           "open": "Open in context", "copy": "Copy citation", "refs": "Refers to", "date": "as of",
           "now": "duties now held by", "none": "No clauses found."},
    "zh": {"responsible": "责任主体", "receives": "报送／申请对象", "confidence": "置信度",
           "nobody": "条文未指明单一责任主体",
           "leads": "以下仅为最接近的条款，供参考，并非答案", "who_acts": "责任主体", "open": "查看上下文",
           "copy": "复制引文", "refs": "引用", "date": "版本", "now": "其职责现由", "none": "没有找到条款。"},
}


def t(key: str) -> gr.I18nData:
    """An interface label by key."""
    return I18N(key)
