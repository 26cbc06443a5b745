"""Telegram HTML for every casebot reply: pure functions, no I/O.

This module owns how answers, cases and lists look in Telegram — message
texts (``parse_mode=HTML``), inline keyboards and inline-query articles — and
the splitting of long replies.  It never talks to Telegram or the index.

How a reply is built, and why:

* Text is modelled as units of blocks of runs (:mod:`bot.telegram.richtext`):
  HTML is generated from that model, so every piece of user or document text is
  escaped exactly once, and tags can never be broken by a split.
* Highlight spans (:meth:`bot.answer.Passage.highlight_spans`) index the
  passage text; they are applied *before* escaping, piece by piece.
* Script mirroring: quotes, citations and the bot's own words are shown in
  the asker's script (:attr:`bot.answer.Answer.script`) with
  :func:`indexer.normalize.to_script`.  The conversion is length-preserving,
  so the highlight spans still line up.  ``original=True`` shows quotes and
  citations in the document's own wording (the 原文 button).
* Splitting (:func:`bot.telegram.richtext.split_message`): units are packed into
  messages of at most 4096 UTF-16 code units of *visible* text (Telegram's count);
  each part is valid HTML on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from telegram.constants import ParseMode

from bot.answer import Answer, Passage
from bot.library import NamedDocument
from bot.render import RELATED, answer_pool, marked_pieces
from bot.telegram import callbacks
from bot.telegram.richtext import (
    MESSAGE_LIMIT,
    Block,
    Run,
    Unit,
    escape,
    line,
    split_message,
)
from indexer.normalize import Script, to_script
from indexer.qlog import Stats
from indexer.search import PassageHit

if TYPE_CHECKING:
    # Only for annotations: importing the writer pulls in the ORM (see bot.service).
    from indexer.writer import IndexSummary

CALLBACK_TEXT_LIMIT = 200  # answerCallbackQuery text
PAGE_SIZE = 3  # passages per answer message
INLINE_RESULTS = 10
BUTTON_LABEL = 32  # characters shown on a case/example button before "…"

# -- the bot's own words (written in simplified; mirrored with chrome()) -------------------

APOLOGY = "抱歉,处理您的消息时出错了,请稍后再试。"
RATE_LIMITED = "您提问太快了,请 {seconds} 秒后再试。这段时间里的其他消息不会再提醒。"
NOT_ALLOWED = "抱歉,这个机器人只在指定的聊天中提供服务。"
STALE_BUTTON = "这个按钮已过期,请重新提问。"
NOT_YOURS = "只有提问的人可以评价这个回答。"
THANKS = "谢谢您的反馈!"
ADMINS_ONLY = "抱歉,只有管理员可以使用这个功能。"
UPLOAD_REFUSED = "抱歉,只有管理员可以添加文件。如需补充文件,请联系机器人的管理员。"
ASK_USAGE = "请在命令后写上问题,例如:/ask 哪个部门修订了畜禽屠宰管理条例?"
SEARCH_USAGE = "请在命令后写上要搜索的词,例如:/search 香梨"
CASE_USAGE = "用法:/case 2 查看最新文件的案例2,或 /case 文件编号:案例号(例如 /case 1:2)。发送 /cases 查看全部案例。"
NO_SUCH_CASE = "没有找到这个案例。发送 /cases 查看全部案例。"
NO_DOCUMENTS = "索引里还没有文件。"
UNKNOWN_COMMAND = "没有这个命令。发送 /help 查看可以做什么。"
TEXT_ONLY = "我只能回答文字提问。请直接发送问题,例如:哪个部门修订了畜禽屠宰管理条例?"
NO_MORE = "没有更多结果了。"
INLINE_HINT_TITLE = "输入问题,例如:香梨品牌价值"
INLINE_HINT_TEXT = "在任意聊天中输入 @{bot} 加问题,即可引用文件原文回答,并注明出处。"

ViewScript = Script | None  # None: the document's original wording


def chrome(text: str, script: Script) -> str:
    """The bot's own words — and whatever they quote, such as document titles — in the
    user's script."""
    return to_script(text, script)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(1, limit - 1)] + "…"


# -- answers -------------------------------------------------------------------------------


def _doc_text(text: str, script: Script, original: bool) -> str:
    """Document text as shown: the original wording, or mirrored into ``script``."""
    return text if original else to_script(text, script)


def highlighted_runs(p: Passage, text: str) -> tuple[Run, ...]:
    """``text`` (``p.text`` or its same-length conversion) with matched terms bold."""
    return tuple(Run(piece, "b" if matched else "") for piece, matched in marked_pieces(p, text))


def passage_unit(p: Passage, script: Script, original: bool = False) -> Unit:
    quote = Block(highlighted_runs(p, _doc_text(p.text, script, original)), quote=True)
    cite = line("—— " + _doc_text(p.citation(), script, original))
    return (quote, cite)


def format_answer(answer: Answer, *, offset: int = 0, original: bool = False,
                  direct: bool = True, page_size: int = PAGE_SIZE,
                  limit: int = MESSAGE_LIMIT) -> list[str]:
    """The reply to ``answer`` — page ``offset`` — as HTML messages (usually one).

    ``direct=False`` leaves out the short direct answer (plain /search).
    """
    script = answer.script
    units: list[Unit] = []
    if answer.notice:
        units.append((line(chrome(answer.notice, script), "i"),))
    if not answer.found:
        message = answer.message or "文件中没有找到与这个问题直接相关的内容。"
        units.append((line(chrome(message, script)),))
        if answer.related and offset == 0:
            # Where the asker might look on: clearly apart from an answer.
            units.append((line(chrome(RELATED, script), "i"),))
            units.extend(passage_unit(p, script, original) for p in answer.related)
        return split_message(units, limit)
    page = answer_pool(answer)[offset:offset + page_size]
    if offset == 0 and direct and answer.answer:  # 原文 shows it as the document words it
        units.append((line(_doc_text(answer.answer, script, original), "b"),))
    elif offset > 0 and page:
        span = f"{offset + 1}" if len(page) == 1 else f"{offset + 1}–{offset + len(page)}"
        label = f"第 {span} 条结果"
        units.append((line(chrome(label, script), "i"),))
    units.extend(passage_unit(p, script, original) for p in page)
    if not page:
        units.append((line(chrome(NO_MORE, script)),))
    return split_message(units, limit)


def has_other_wording(passages: Iterable[Passage], script: Script) -> bool:
    """Whether the original wording differs from the mirrored one (else 原文 is pointless)."""
    return any(to_script(t, script) != t for p in passages for t in (p.text, p.citation()))


def _button(label: str, action: callbacks.Action) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=callbacks.encode(action))


def answer_keyboard(qid: int, answer: Answer, *, offset: int = 0, original: bool = False,
                    plain: bool = False,
                    page_size: int = PAGE_SIZE) -> InlineKeyboardMarkup | None:
    """更多结果 / « 返回 / 查看全文, then 👍 👎 and the 原文 toggle; None when nothing was found."""
    if not answer.found:
        return None
    script = answer.script
    pool = answer_pool(answer)
    page = pool[offset:offset + page_size]
    nav: list[InlineKeyboardButton] = []
    if offset > 0:
        nav.append(_button(chrome("« 返回", script), callbacks.Page(qid, 0, original, plain)))
    if offset + page_size < len(pool):
        nav.append(_button(chrome("更多结果", script),
                           callbacks.Page(qid, offset + page_size, original, plain)))
    top = page[0] if page else None
    if top is not None and top.case_id is not None:
        view: callbacks.CaseView = "o" if original else ("t" if script == "traditional" else "s")
        nav.append(_button(chrome("查看全文", script), callbacks.Case(top.case_id, view)))
    rows = [nav] if nav else []
    second = [_button("👍", callbacks.Vote(qid, True)), _button("👎", callbacks.Vote(qid, False))]
    if has_other_wording(page, script):
        back = "繁体" if script == "traditional" else "简体"
        label = chrome(back, script) if original else chrome("原文", script)
        second.append(_button(label, callbacks.Page(qid, offset, not original, plain)))
    rows.append(second)
    return InlineKeyboardMarkup(rows)


# -- inline mode ---------------------------------------------------------------------------


def inline_articles(answer: Answer, limit: int = INLINE_RESULTS) -> list[InlineQueryResultArticle]:
    """Up to ``limit`` articles, one per passage: title = the direct answer (first) or the
    quote, description = its citation, message = the formatted answer with that quote."""
    script = answer.script
    header = line(chrome("问:", script) + answer.question, "i")
    if not answer.found:
        text = split_message([(header,), (line(chrome(answer.message or NO_MORE, script)),)])[0]
        return [InlineQueryResultArticle(
            id="none", title=chrome("没有找到相关内容", script),
            description=shorten(chrome(answer.message or "", script), 120),
            input_message_content=InputTextMessageContent(text, parse_mode=ParseMode.HTML))]
    out: list[InlineQueryResultArticle] = []
    for i, p in enumerate(answer_pool(answer)[:limit]):
        quote = to_script(p.text, script)
        units: list[Unit] = [(header,)]
        title = quote
        if i == 0 and answer.answer:
            direct = to_script(answer.answer, script)
            units.append((line(direct, "b"),))
            title = direct
        units.append(passage_unit(p, script))
        text = split_message(units)[0]  # one quote: practically always a single message
        out.append(InlineQueryResultArticle(
            id=f"{i}-{p.id}", title=shorten(title, 100),
            description=shorten(to_script(p.citation(), script), 200),
            input_message_content=InputTextMessageContent(text, parse_mode=ParseMode.HTML)))
    return out


def inline_hint(bot_username: str, script: Script = "simplified") -> InlineQueryResultArticle:
    text = escape(chrome(INLINE_HINT_TEXT, script).format(bot=bot_username))
    return InlineQueryResultArticle(
        id="hint", title=chrome(INLINE_HINT_TITLE, script),
        description=chrome("引用文件原文回答,注明出处", script),
        input_message_content=InputTextMessageContent(text, parse_mode=ParseMode.HTML))


# -- cases ---------------------------------------------------------------------------------


def format_case(hits: Sequence[PassageHit], script: ViewScript,
                limit: int = MESSAGE_LIMIT) -> list[str]:
    """A whole case, paragraph by paragraph, section headings bold; split if long."""
    if not hits:
        return []

    def show(text: str) -> str:
        return text if script is None else to_script(text, script)

    first = hits[0]
    title_hit = next((h for h in hits if h.role == "case_title"), None)
    title = title_hit.text if title_hit else (first.case_label or first.case_title or "")
    units: list[Unit] = [(line(show(title.strip()), "b"), line(show(first.doc_title), "i"))]
    paragraph: list[Run] = []
    last: int | None = None
    for h in hits:
        if h.role == "case_title":
            continue
        if last is not None and h.paragraph != last and paragraph:
            units.append((Block(tuple(paragraph)),))
            paragraph = []
        last = h.paragraph
        paragraph.append(Run(show(h.text), "b" if h.role == "heading" else ""))
    if paragraph:
        units.append((Block(tuple(paragraph)),))
    return split_message(units, limit)


def case_label(number: int | None, title: str, script: Script, doc_id: int | None = None) -> str:
    prefix = f"{doc_id}·" if doc_id is not None else ""
    return shorten(f"{prefix}{chrome('案例', script)}{number} {to_script(title, script)}",
                   BUTTON_LABEL)


def format_cases(cases: Sequence[dict[str, object]], script: Script) -> list[str]:
    """The /cases list: per document its title, then one line per case."""
    if not cases:
        return [escape(chrome(NO_DOCUMENTS, script))]
    units: list[Unit] = [(line(chrome("点下面的按钮查看案例全文:", script)),)]
    by_doc: dict[object, list[dict[str, object]]] = {}
    for c in cases:
        by_doc.setdefault(c["doc_id"], []).append(c)
    many = len(by_doc) > 1
    for doc_id, items in by_doc.items():
        head = to_script(str(items[0]["doc_title"]), script)
        blocks = [line(f"[{doc_id}] {head}" if many else head, "b")]
        blocks += [line(f"{chrome('案例', script)}{c['number']} "
                        f"{to_script(str(c['title']), script)}") for c in items]
        units.append(tuple(blocks))
    return split_message(units)


def which_case(cases: Sequence[dict[str, object]], script: Script) -> str:
    """/case N when several documents have a case N."""
    number, first = cases[0]["number"], cases[0]["doc_id"]
    return chrome(f"有 {len(cases)} 份文件都有案例{number},请点选一个"
                  f"(也可以发送 /case {first}:{number} 这样的命令):", script)


def cases_keyboard(cases: Sequence[dict[str, object]], script: Script,
                   max_buttons: int = 100, many: bool | None = None,
                   ) -> InlineKeyboardMarkup | None:
    if many is None:
        many = len({c["doc_id"] for c in cases}) > 1
    rows = []
    for c in cases[:max_buttons]:  # Telegram's cap on buttons per keyboard
        doc_id = int(str(c["doc_id"])) if many else None
        label = case_label(int(str(c["number"])), str(c["title"]), script, doc_id)
        rows.append([_button(label, callbacks.Case(int(str(c["id"]))))])
    return InlineKeyboardMarkup(rows) if rows else None


# -- /start, /help, /docs, /stats, uploads -------------------------------------------------


def format_start(documents: Sequence[dict[str, object]], script: Script) -> list[str]:
    units: list[Unit] = [(line(chrome("您好!我根据政府发布的典型案例文件回答问题,"
                                      "引用原文并注明出处(文件 · 案例 · 小节)。", script)),)]
    if documents:
        blocks = [line(chrome("我读过的文件:", script), "b")]
        blocks += [line(f"• {to_script(str(d['title']), script)}"
                        f"({d['cases']} {chrome('个案例', script)})" + document_meta(d, script))
                   for d in documents]
        units.append(tuple(blocks))
    else:
        units.append((line(chrome(NO_DOCUMENTS, script)),))
    units.append((line(chrome("直接发送问题即可;也可以点下面的示例问题试试。"
                              "发送 /help 查看全部命令。", script)),))
    return split_message(units)


def document_meta(doc: dict[str, object], script: Script) -> str:
    """" — 发布机关 · 日期 · 批次" from a document's metadata, or "" when none is known."""
    parts = [to_script(str(doc[k]), script) for k in ("issuer", "published", "batch")
             if doc.get(k)]
    return " — " + " · ".join(parts) if parts else ""


def examples_keyboard(examples: Sequence[str]) -> InlineKeyboardMarkup | None:
    rows = [[_button(shorten(q, 60), callbacks.Example(i))] for i, q in enumerate(examples)]
    return InlineKeyboardMarkup(rows) if rows else None


HELP = """<b>怎么用</b>
直接发送问题,例如:哪个部门修订了畜禽屠宰管理条例?
回答会引用文件原文(匹配的词加粗),并注明 文件 · 案例 · 小节。用繁体提问,就用繁体回答。

<b>按钮</b>
更多结果 — 下一组相关原文
查看全文 — 引文所在案例的全文
原文 / 简体 — 在文件原文和您的字体之间切换
👍 👎 — 评价回答

<b>命令</b>
/ask 问题 — 提问(群组里用 /ask 或 @{bot} 问题)
/search 词 — 只列出相关原文
/cases — 全部案例
/case 2 — 最新文件的案例2(或 /case 文件编号:案例号)
/docs — 文件中提到的法规、标准和通知
/help — 本说明

在任意聊天中输入 @{bot} 加问题,可以直接引用回答。"""


def format_help(bot_username: str, script: Script) -> str:
    return chrome(HELP, script).replace("{bot}", escape(bot_username))


def format_named_documents(named: Sequence[NamedDocument], script: Script) -> list[str]:
    if not named:
        return [escape(chrome("文件中没有提到其他法规、标准或通知。", script))]
    units: list[Unit] = [(line(chrome("文件中提到的法规、标准和通知:", script), "b"),)]
    by_source: dict[str, list[NamedDocument]] = {}
    for n in named:
        by_source.setdefault(n.source, []).append(n)
    for source, items in by_source.items():
        # One unit per announcement: kept together when it fits, else split between lines.
        blocks = [line(to_script(source, script), "i")]
        for n in items:
            runs = [Run("• "), Run(f"《{to_script(n.title, script)}》", "b")]
            who = "、".join(to_script(i, script) for i in n.issuers)
            if who:
                runs.append(Run(" — " + who))
            if n.cases:
                runs.append(Run("(" + "、".join(f"{chrome('案例', script)}{c}" for c in n.cases)
                                + ")"))
            blocks.append(Block(tuple(runs)))
        units.append(tuple(blocks))
    return split_message(units)


def format_stats(stats: Stats) -> str:
    lines = [
        "<b>使用统计</b>",
        f"问题:{stats.questions}",
        f"已回答:{stats.answered}({stats.answered_share:.0%})",
        f"用户:{stats.users}",
        f"反馈:👍 {stats.thumbs_up} · 👎 {stats.thumbs_down}",
    ]
    if stats.top_unanswered:
        lines.append("")
        lines.append("<b>最常见的未回答问题</b>")
        lines += [f"{n}× {escape(shorten(q, 80))}" for q, n in stats.top_unanswered]
    return "\n".join(lines)


def format_upload(title: str, cases: int, sections: int, passages: int, *, updated: bool,
                  unchanged: bool) -> str:
    if unchanged:
        return f"这个文件已经在索引里了,内容没有变化:《{escape(title)}》。"
    verb = "已更新" if updated else "已添加"
    return (f"{verb}:<b>《{escape(title)}》</b>\n"
            f"案例 {cases} 个 · 小节 {sections} 个 · 句子 {passages} 条。现在可以就它提问了。")


def format_upload_error(name: str, reason: str) -> str:
    return f"没有添加 <b>{escape(name)}</b>:{escape(reason)}\n索引没有任何改动。"


REINDEX_MAX_PROBLEMS = 10  # files listed in a re-index notice; the rest are counted
REINDEX_PROBLEM_CHARS = 200  # per listed problem: a reader's reason is one sentence


def format_reindex(summary: IndexSummary) -> str:
    """The /reindex reply: what changed, how many passages, how long it took."""
    lines = [
        "<b>索引已重建</b>",
        f"新增 {len(summary.added)} · 更新 {len(summary.updated)} · "
        f"未变 {len(summary.unchanged)} · 移除 {len(summary.removed)}",
        f"写入句子 {summary.passages} 条,索引共 {summary.total_passages} 条 · "
        f"用时 {summary.seconds:.1f} 秒",
    ]
    if summary.errors:
        lines.append(f"有 {len(summary.errors)} 个文件没有读取,详见给管理员的通知。")
    return "\n".join(lines)


def format_reindex_problems(problems: Sequence[tuple[str, str]]) -> str:
    """Admins' notice: files the re-index could not read (the rest was indexed)."""
    lines = [f"<b>重建索引时有 {len(problems)} 个文件没有读取</b>"]
    for file, message in problems[:REINDEX_MAX_PROBLEMS]:
        # The writer's message starts with the path; the name alone is enough to find it.
        name = file.replace("\\", "/").rsplit("/", 1)[-1]
        reason = message
        for prefix in (f"{file}: ", f"{name}: "):
            reason = reason.removeprefix(prefix)
        lines.append(f"• <b>{escape(shorten(name, 80))}</b>:"
                     f"{escape(shorten(reason, REINDEX_PROBLEM_CHARS))}")
    if len(problems) > REINDEX_MAX_PROBLEMS:
        lines.append(f"……另有 {len(problems) - REINDEX_MAX_PROBLEMS} 个。")
    lines.append("其他文件已正常索引;这些文件请修正或删除后再发送 /reindex。")
    return "\n".join(lines)


def format_reindex_failed(problem: str) -> str:
    """Admins' notice: the re-index failed as a whole; nothing changed."""
    return (f"<b>重建索引失败</b>:{escape(shorten(problem, 500))}\n"
            "索引没有任何改动,机器人继续使用上一次的索引回答问题。")


__all__ = [
    "APOLOGY", "PAGE_SIZE", "NamedDocument", "answer_keyboard", "chrome",
    "escape", "format_answer", "format_case", "format_cases", "format_help",
    "format_named_documents", "format_reindex", "format_reindex_failed",
    "format_reindex_problems", "format_start", "format_stats", "format_upload",
    "inline_articles",
]
