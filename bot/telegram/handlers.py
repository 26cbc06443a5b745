"""Telegram handlers: parse the update, call the one answer core, format, send.

This module owns *which* updates the bot reacts to and how: private chats
(any text is a question), groups (``/ask``, ``/ask@bot``, replies to the bot
and ``@bot`` mentions; other chatter is ignored), commands, inline buttons,
inline mode, the question log and the global error handler.

Everything else lives elsewhere: answers in :mod:`bot.answer` (via the
:class:`bot.service.Casebot` kept in ``bot_data``), the shared state, sending and the
allow-list and per-user limit in :mod:`bot.telegram.state`, the admins' upload and
re-index in :mod:`bot.telegram.uploads`, looks in :mod:`bot.telegram.format`, button
data in :mod:`bot.telegram.callbacks`.
Blocking work — jieba, SQLite, parsing an upload — runs in worker threads
(:func:`asyncio.to_thread`) so that one slow question never stalls the others.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, cast

from telegram import BotCommand, Message, MessageEntity, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.answer import Answer, Status
from bot.library import example_questions, find_cases, named_documents
from bot.render import answer_pool
from bot.telegram import callbacks
from bot.telegram import format as fmt
from bot.telegram.state import (
    Context,
    admit,
    admitted,
    get_service,
    get_settings,
    is_admin,
    is_group,
    reply,
    send_parts,
    state,
    user_script,
)
from bot.telegram.uploads import cmd_reindex, on_document
from indexer.normalize import Script, to_script

if TYPE_CHECKING:
    from bot.service import Casebot
    from bot.settings import Settings

log = logging.getLogger(__name__)

COMMANDS: tuple[BotCommand, ...] = (
    BotCommand("start", "介绍与示例问题"),
    BotCommand("help", "怎么用"),
    BotCommand("ask", "提问,例如 /ask 哪个部门修订了畜禽屠宰管理条例"),
    BotCommand("search", "只列出相关原文,例如 /search 香梨"),
    BotCommand("cases", "全部案例"),
    BotCommand("case", "查看一个案例的全文,例如 /case 2"),
    BotCommand("docs", "文件中提到的法规、标准和通知"),
    BotCommand("stats", "使用统计(管理员)"),
    BotCommand("reindex", "重建索引(管理员)"),
)


# -- the question log ---------------------------------------------------------------------------


def answer_and_log(service: Casebot, settings: Settings, user_id: int | None,
                   question: str) -> tuple[Answer, int | None]:
    """Answer ``question`` and log it (blocking).  Empty input is not logged."""
    started = time.perf_counter()
    answer = service.answer(question, top=fmt.PAGE_SIZE)
    # One line per question, so an operator sees the bot at work; never the text or
    # the asker at INFO (DEBUG has the question for a developer's own machine).
    log.info("question answered: kind=%s status=%s direct=%s %.0f ms", answer.kind,
             answer.status.value, answer.answer is not None,
             (time.perf_counter() - started) * 1000)
    log.debug("question: %r", answer.question)
    if answer.status is Status.EMPTY:
        return answer, None
    top = answer.passages[0].id if answer.found and answer.passages else None
    user_hash = settings.user_hash(user_id) if user_id is not None else None
    qid = service.log.record(user_hash, answer.question, answer.found, top)
    return answer, qid


# -- questions -----------------------------------------------------------------------------------


async def ask(update: Update, context: Context, question: str, *, direct: bool = True) -> None:
    """The one path from a question to a reply: admit → answer core → format → send."""
    user = update.effective_user
    empty = not question.strip()
    if not await admit(update, context, count=not empty):  # a usage hint costs nothing
        return
    if empty:
        usage = fmt.ASK_USAGE if direct else fmt.SEARCH_USAGE
        await reply(update, context, fmt.escape(fmt.chrome(usage, user_script(user))))
        return
    answer, qid = await asyncio.to_thread(answer_and_log, get_service(context),
                                          get_settings(context),
                                          user.id if user else None, question)
    parts = fmt.format_answer(answer, direct=direct)
    keyboard = fmt.answer_keyboard(qid, answer, plain=not direct) if qid is not None else None
    await reply(update, context, parts, keyboard)


def command_text(message: Message) -> str:
    """What follows ``/command`` or ``/command@bot`` (newlines and spacing kept)."""
    parts = (message.text or "").split(None, 1)
    return parts[1].strip() if len(parts) > 1 else ""


def addressed_question(message: Message, bot_username: str, bot_id: int) -> str | None:
    """In a group: the question if the message is for the bot (mention or reply), else None."""
    text = message.text or ""
    mention = "@" + bot_username.lower()
    mentioned = any(value.lower() == mention for value in
                    message.parse_entities([MessageEntity.MENTION]).values())
    replied = message.reply_to_message
    to_bot = replied is not None and replied.from_user is not None \
        and replied.from_user.id == bot_id
    if not mentioned and not to_bot:
        return None
    return re.sub(rf"@{re.escape(bot_username)}(?![A-Za-z0-9_])", " ", text,
                  flags=re.IGNORECASE).strip()


async def on_private_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None:
        await ask(update, context, message.text or "")


async def on_group_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    question = addressed_question(message, context.bot.username, context.bot.id)
    if question is not None:
        await ask(update, context, question)


async def cmd_ask(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None:
        await ask(update, context, command_text(message))


async def cmd_search(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None:
        await ask(update, context, command_text(message), direct=False)


# -- commands ---------------------------------------------------------------------------------------


async def get_examples(context: Context) -> list[str]:
    shared = state(context)
    if shared.examples is None:
        shared.examples = await asyncio.to_thread(example_questions, get_service(context))
    return shared.examples


@admitted
async def cmd_start(update: Update, context: Context) -> None:
    script = user_script(update.effective_user)
    documents = await asyncio.to_thread(get_service(context).searcher.documents)
    examples = [to_script(q, script) for q in await get_examples(context)]
    await reply(update, context, fmt.format_start(documents, script),
                fmt.examples_keyboard(examples))  # examples under the last part


@admitted
async def cmd_help(update: Update, context: Context) -> None:
    await reply(update, context,
                fmt.format_help(context.bot.username, user_script(update.effective_user)))


@admitted
async def cmd_cases(update: Update, context: Context) -> None:
    script = user_script(update.effective_user)
    cases = await asyncio.to_thread(get_service(context).searcher.cases)
    await reply(update, context, fmt.format_cases(cases, script),
                fmt.cases_keyboard(cases, script))


async def send_case(update: Update, context: Context, case_id: int, script: Script | None,
                    reply_to_user: bool = True) -> bool:
    hits = await asyncio.to_thread(get_service(context).searcher.case_passages, case_id)
    parts = fmt.format_case(hits, script)
    if not parts:
        return False
    chat = update.effective_chat
    if chat is None:
        return True
    message = update.effective_message
    reply_to = message.message_id if reply_to_user and is_group(update) and message else None
    await send_parts(context, chat.id, parts, reply_to=reply_to)
    return True


@admitted
async def cmd_case(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    script = user_script(update.effective_user)
    arg = command_text(message)
    if not arg:
        await reply(update, context, fmt.escape(fmt.chrome(fmt.CASE_USAGE, script)))
        return
    cases = await asyncio.to_thread(find_cases, get_service(context).searcher, arg)
    if len(cases) > 1:  # case N of several documents: let the user pick (or /case D:N)
        await reply(update, context, fmt.escape(fmt.which_case(cases, script)),
                    fmt.cases_keyboard(cases, script, many=True))
    elif not cases or not await send_case(update, context, int(str(cases[0]["id"])), script):
        await reply(update, context, fmt.escape(fmt.chrome(fmt.NO_SUCH_CASE, script)))


@admitted
async def cmd_docs(update: Update, context: Context) -> None:
    named = await asyncio.to_thread(named_documents, get_service(context).searcher)
    await reply(update, context,
                fmt.format_named_documents(named, user_script(update.effective_user)))


async def cmd_stats(update: Update, context: Context) -> None:
    user = update.effective_user
    if not is_admin(context, user):
        await reply(update, context, fmt.escape(fmt.chrome(fmt.ADMINS_ONLY, user_script(user))))
        return
    stats = await asyncio.to_thread(get_service(context).log.stats)
    await reply(update, context, fmt.format_stats(stats))


@admitted
async def on_other_message(update: Update, context: Context) -> None:
    """A sticker, photo, voice note … in a private chat: say what the bot can read."""
    await reply(update, context,
                fmt.escape(fmt.chrome(fmt.TEXT_ONLY, user_script(update.effective_user))))


@admitted
async def on_unknown_command(update: Update, context: Context) -> None:
    await reply(update, context,
                fmt.escape(fmt.chrome(fmt.UNKNOWN_COMMAND, user_script(update.effective_user))))


# -- buttons ----------------------------------------------------------------------------------------


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None:
        return
    action = callbacks.decode(query.data)
    if action is None:
        await query.answer(fmt.chrome(fmt.STALE_BUTTON, user_script(update.effective_user)))
        return
    await BUTTONS[type(action)](update, context, action)


async def open_case(update: Update, context: Context, action: callbacks.Case) -> None:
    """查看全文: the whole case, in the script the button was made for."""
    query = update.callback_query
    assert query is not None
    if not await admit(update, context, count=False):
        return
    script = user_script(update.effective_user)
    view = {"o": None, "s": "simplified", "t": "traditional"}.get(action.view, script)
    await query.answer()
    if not await send_case(update, context, action.case_id, cast("Script | None", view),
                           reply_to_user=False):
        await reply(update, context, fmt.escape(fmt.chrome(fmt.STALE_BUTTON, script)))


async def show_page(update: Update, context: Context, page: callbacks.Page) -> None:
    """更多结果 / « 返回 / 原文⇄简体: re-answer the logged question, edit the message."""
    query = update.callback_query
    assert query is not None
    script = user_script(update.effective_user)
    if not await admit(update, context):
        return
    service = get_service(context)
    logged = await asyncio.to_thread(service.log.get, page.qid)
    answer = None if logged is None else await asyncio.to_thread(
        service.answer, logged.question, fmt.PAGE_SIZE)
    if answer is None or not answer.found or page.offset >= len(answer_pool(answer)):
        # The question is gone (a new database) or the index changed under it.
        await query.answer(fmt.chrome(fmt.STALE_BUTTON, script))
        return
    direct = not page.plain
    parts = fmt.format_answer(answer, offset=page.offset, original=page.original, direct=direct)
    keyboard = fmt.answer_keyboard(page.qid, answer, offset=page.offset,
                                   original=page.original, plain=page.plain)
    await query.answer()
    chat = update.effective_chat
    try:
        await query.edit_message_text(parts[0], reply_markup=keyboard if len(parts) == 1 else None)
    except BadRequest as exc:
        if "not modified" in str(exc).lower():
            return  # a double tap: the message already shows this page
        if chat is None:
            raise
        # Too old to edit (48 h) or deleted: show the page as a new message instead.
        log.info("could not edit a message (%s); sending the page anew", exc)
        await send_parts(context, chat.id, parts, keyboard)
        return
    if len(parts) > 1 and chat is not None:
        await send_parts(context, chat.id, parts[1:], keyboard)


async def vote(update: Update, context: Context, action: callbacks.Vote) -> None:
    query = update.callback_query
    assert query is not None
    user = update.effective_user
    script = user_script(user)
    service, settings = get_service(context), get_settings(context)
    logged = await asyncio.to_thread(service.log.get, action.qid)
    if logged is None or user is None:
        await query.answer(fmt.chrome(fmt.STALE_BUTTON, script))
        return
    if logged.user_hash is not None and logged.user_hash != settings.user_hash(user.id):
        await query.answer(fmt.chrome(fmt.NOT_YOURS, script))  # a group member's answer
        return
    await asyncio.to_thread(service.log.feedback, action.qid, 1 if action.up else -1)
    await query.answer(fmt.chrome(fmt.THANKS, script))


async def tap_example(update: Update, context: Context, action: callbacks.Example) -> None:
    query = update.callback_query
    assert query is not None
    script = user_script(update.effective_user)
    question = None
    # The button's own label is the question the user saw, even if the examples changed since.
    markup = query.message.reply_markup if isinstance(query.message, Message) else None
    for row in markup.inline_keyboard if markup else ():
        for button in row:
            if button.callback_data == query.data and not button.text.endswith("…"):
                question = button.text
    if question is None:
        examples = await get_examples(context)
        if action.index < len(examples):
            question = to_script(examples[action.index], script)
    if question is None:
        await query.answer(fmt.chrome(fmt.STALE_BUTTON, script))
        return
    await query.answer()
    await ask(update, context, question)


# -- inline mode ------------------------------------------------------------------------------------


async def on_inline(update: Update, context: Context) -> None:
    query = update.inline_query
    if query is None:
        return
    settings = get_settings(context)
    user = query.from_user
    # No chat to check in inline mode: with an allow-list, serve only allowed users' own chats.
    if settings.telegram_allowed_chats and user.id not in settings.telegram_allowed_chats:
        await query.answer([], cache_time=300, is_personal=True)
        return
    text = query.query.strip()
    if not text:
        await query.answer([fmt.inline_hint(context.bot.username, user_script(user))],
                           cache_time=300)
        return
    if not state(context).inline_limiter.hit(user.id).allowed:
        await query.answer([], cache_time=5, is_personal=True)
        return
    answer = await asyncio.to_thread(get_service(context).answer, text, fmt.PAGE_SIZE)
    await query.answer(fmt.inline_articles(answer), cache_time=60)



# -- errors ---------------------------------------------------------------------------------------


async def on_error(update: object, context: Context) -> None:
    """Log the failure (the logging setup scrubs the token); apologise to the user."""
    error = context.error
    if isinstance(error, RetryAfter):
        log.warning("Telegram flood control: retry after %s", error.retry_after)
        return
    if isinstance(error, Forbidden):
        log.info("Telegram refused a message: %s", error)  # e.g. the user blocked the bot
        return
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        log.warning("Network problem talking to Telegram: %s", error)  # TimedOut included
        return
    log.error("Error while handling an update", exc_info=error)
    if not isinstance(update, Update):
        return
    script = user_script(update.effective_user)
    text = fmt.chrome(fmt.APOLOGY, script)
    try:
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, fmt.escape(text))
        elif update.callback_query is not None:
            await update.callback_query.answer(text)
    except TelegramError as exc:  # the apology is best effort
        log.warning("Could not send the apology: %s", exc)


# -- wiring ---------------------------------------------------------------------------------------


# What each kind of button does (callbacks.decode gives one of these types).
BUTTONS: dict[type, Callable[[Update, Context, Any], Awaitable[None]]] = {
    callbacks.Page: show_page,
    callbacks.Case: open_case,
    callbacks.Vote: vote,
    callbacks.Example: tap_example,
}


def register(app: Application) -> None:
    """Add every handler to ``app``; order matters only for the catch-alls at the end."""
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("start", cmd_start))
    app.add_handler(CommandHandler("help", cmd_help))
    app.add_handler(CommandHandler("ask", cmd_ask))
    app.add_handler(CommandHandler("search", cmd_search))
    app.add_handler(CommandHandler("cases", cmd_cases))
    app.add_handler(CommandHandler("case", cmd_case))
    app.add_handler(CommandHandler("docs", cmd_docs))
    app.add_handler(CommandHandler("stats", cmd_stats))
    app.add_handler(CommandHandler("reindex", cmd_reindex))
    app.add_handler(CallbackQueryHandler(on_button))
    app.add_handler(InlineQueryHandler(on_inline))
    app.add_handler(MessageHandler(filters.Document.ALL & private, on_document))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & private, on_private_text))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.GROUPS,
                                   on_group_text))
    app.add_handler(MessageHandler(filters.COMMAND & private, on_unknown_command))
    app.add_handler(MessageHandler(private & ~filters.TEXT & ~filters.Document.ALL
                                   & ~filters.StatusUpdate.ALL, on_other_message))
    app.add_error_handler(on_error)


__all__ = ["COMMANDS", "register"]
