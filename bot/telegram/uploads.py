"""The admins' work in Telegram: uploading a document into the index (:func:`on_document`)
and re-indexing the default sources (:func:`cmd_reindex`), one index writer at a time, the
other admins told of what failed."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot.library import safe_name, store_and_index, upload_dir
from bot.telegram import format as fmt
from bot.telegram.state import (
    Context,
    get_service,
    get_settings,
    is_admin,
    reply,
    state,
    user_script,
)
from corpus.loader import BUNDLED_DIR, load_bytes
from corpus.readers import SUPPORTED_SUFFIXES, ReaderError
from indexer.errors import IndexError_

if TYPE_CHECKING:
    from bot.settings import Settings
    from corpus.model import Document
    from indexer.writer import IndexSummary

log = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # the Bot API's getFile limit


# -- admin upload -----------------------------------------------------------------------------------


async def on_document(update: Update, context: Context) -> None:
    message, user = update.effective_message, update.effective_user
    if message is None or message.document is None:
        return
    script = user_script(user)
    if not is_admin(context, user):
        await reply(update, context, fmt.escape(fmt.chrome(fmt.UPLOAD_REFUSED, script)))
        return
    document = message.document
    name = document.file_name or ""
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        reason = (f"{suffix or '没有扩展名的'}文件不支持。请发送 .txt、.md、.html、.docx 或 .pdf 文件"
                  "(.doc/.wps 请先另存为 .docx)。")
        await reply(update, context, fmt.format_upload_error(name or "?", reason))
        return
    if document.file_size is not None and document.file_size > MAX_UPLOAD_BYTES:
        await reply(update, context, fmt.format_upload_error(name, "文件超过 20 MB。"))
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    if len(data) > MAX_UPLOAD_BYTES:
        await reply(update, context, fmt.format_upload_error(name, "文件超过 20 MB。"))
        return
    service, settings = get_service(context), get_settings(context)
    async with state(context).upload_lock:  # one index writer at a time
        try:
            # Parse first: a file that cannot be read must change nothing.
            doc: Document = await asyncio.to_thread(load_bytes, data, name)
            added = await asyncio.to_thread(store_and_index, service, settings, data, name)
        except ReaderError as exc:
            await reply(update, context, fmt.format_upload_error(name, exc.reason))
            return
        state(context).examples = None  # the examples may change with the corpus
    summary = added.summary
    log.info("upload: %s stored at %s (%d passages)", safe_name(name), added.stored,
             summary.passages)
    await reply(update, context, fmt.format_upload(
        doc.title, len(doc.cases), sum(len(c.sections) for c in doc.cases),
        summary.passages, updated=bool(summary.updated),
        unchanged=not summary.added and not summary.updated))


# -- admin re-index -------------------------------------------------------------------------------

# Failures a re-index is expected to meet: a damaged or locked index (IndexError_, SQLite
# errors through SQLAlchemy), a missing or unreadable folder (OSError), a bad file.  They
# are reported to the admins by name; anything else is a bug and also gets a traceback in
# the log.
EXPECTED_REINDEX_ERRORS = (IndexError_, SQLAlchemyError, OSError, ReaderError)


def default_sources(settings: Settings) -> list[Path]:
    """What ``casebot index`` indexes without arguments: the bundled corpus and the uploads.

    The upload folder only counts if it exists — before the first upload there is none.
    """
    uploads = upload_dir(settings)
    return [BUNDLED_DIR, *([uploads] if uploads.is_dir() else [])]


async def notify_admins(context: Context, html_text: str, *, skip: int | None = None) -> None:
    """Send ``html_text`` to every admin's private chat (best effort; ``skip``: already told).

    An admin who never started a chat with the bot cannot be messaged (Telegram answers
    403/400); that must not stop the others from hearing about the problem.
    """
    for admin_id in sorted(get_settings(context).telegram_admin_ids):
        if admin_id == skip:
            continue
        try:
            await context.bot.send_message(admin_id, html_text)
        except TelegramError as exc:
            log.warning("Could not notify an admin: %s", exc)


async def cmd_reindex(update: Update, context: Context) -> None:
    """/reindex (admins): re-index the default sources, then report what changed.

    The writer commits in one transaction and SQLite runs in WAL mode, so questions keep
    being answered from the last good index while this runs — and if it fails, that index
    simply stays.  The upload lock keeps it from racing an upload (one writer at a time).
    """
    user, chat = update.effective_user, update.effective_chat
    if not is_admin(context, user):
        await reply(update, context, fmt.escape(fmt.chrome(fmt.ADMINS_ONLY, user_script(user))))
        return
    service, settings = get_service(context), get_settings(context)
    # The requester is told in this chat; in their private chat there is no need to repeat it.
    told = chat.id if chat is not None and chat.type == ChatType.PRIVATE else None
    async with state(context).upload_lock:
        try:
            sources = await asyncio.to_thread(default_sources, settings)
            summary: IndexSummary = await asyncio.to_thread(service.index, sources)
        except Exception as exc:  # every failure, expected or not, must reach the admins
            expected = isinstance(exc, EXPECTED_REINDEX_ERRORS)
            log.error("re-index failed: %s", exc, exc_info=None if expected else exc)
            problem = str(exc) if expected else f"{type(exc).__name__}: {exc}"
            notice = fmt.format_reindex_failed(problem or type(exc).__name__)
            await reply(update, context, notice)
            await notify_admins(context, notice, skip=told)
            return
        state(context).examples = None  # the examples may change with the corpus
    log.info("re-index: %d added, %d updated, %d unchanged, %d removed, %d errors in %.1fs",
             len(summary.added), len(summary.updated), len(summary.unchanged),
             len(summary.removed), len(summary.errors), summary.seconds)
    await reply(update, context, fmt.format_reindex(summary))
    if summary.errors:
        # The readable files were indexed; the admins must hear about the others.
        await notify_admins(context, fmt.format_reindex_problems(summary.errors))
