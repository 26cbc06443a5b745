"""What every Telegram handler shares: the state kept in ``bot_data`` (:class:`BotState`),
sending HTML in parts, and the gate each update passes — the allow-list and the per-user
limit (:func:`admit`, :func:`admitted`)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from functools import wraps
from typing import TYPE_CHECKING, Any, cast

from telegram import InlineKeyboardMarkup, Message, ReplyParameters, Update, User
from telegram.constants import ChatType
from telegram.error import BadRequest, NetworkError
from telegram.ext import Application, ContextTypes

from bot.ratelimit import SharedLimiter, SlidingWindowLimiter
from bot.telegram import format as fmt
from indexer.normalize import Script

if TYPE_CHECKING:
    from bot.service import Casebot
    from bot.settings import Settings

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
Limiter = SlidingWindowLimiter | SharedLimiter
Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]

INLINE_LIMIT_FACTOR = 3  # inline queries fire while typing: a larger budget


# -- state kept in bot_data ------------------------------------------------------------------

STATE = "casebot"  # the one bot_data key: a BotState


@dataclass
class BotState:
    """What the handlers share, kept in ``bot_data[STATE]`` and read through :func:`state`."""

    settings: Settings
    limiter: Limiter  # questions per user (shared by the instances when the store is)
    inline_limiter: Limiter  # inline queries per user, more generous
    upload_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one index writer
    refused_chats: set[int] = field(default_factory=set)  # told once that they are not served
    service: Casebot | None = None  # opened in post_init, closed in post_shutdown
    examples: list[str] | None = None  # example questions, until the corpus changes


def state_of(app: Application) -> BotState:
    return cast(BotState, app.bot_data[STATE])


def state(context: Context) -> BotState:
    return cast(BotState, context.bot_data[STATE])


def get_service(context: Context) -> Casebot:
    service = state(context).service
    if service is None:  # only before post_init finished, which PTB never lets happen
        raise RuntimeError("the casebot service is not open")
    return service


def get_settings(context: Context) -> Settings:
    return state(context).settings


def init_state(app: Application, settings: Settings) -> None:
    """Everything handlers need besides the service (which post_init opens)."""
    app.bot_data[STATE] = BotState(
        settings=settings,
        limiter=SlidingWindowLimiter(settings.casebot_rate_limit, settings.casebot_rate_window),
        inline_limiter=SlidingWindowLimiter(settings.casebot_rate_limit * INLINE_LIMIT_FACTOR,
                                            settings.casebot_rate_window))


def user_script(user: User | None) -> Script:
    """The script to use when there is no question to read it from (/start, /case …)."""
    code = ((user.language_code if user else None) or "").lower()
    return "traditional" if code.startswith(("zh-hant", "zh-tw", "zh-hk", "zh-mo")) else (
        "simplified")


def is_admin(context: Context, user: User | None) -> bool:
    return user is not None and user.id in get_settings(context).telegram_admin_ids


def is_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


# -- sending -------------------------------------------------------------------------------------


async def send_parts(context: Context, chat_id: int, parts: Sequence[str],
                     keyboard: InlineKeyboardMarkup | None = None,
                     reply_to: int | None = None) -> Message | None:
    """Send HTML ``parts`` in order; the keyboard goes on the last, the reply on the first."""
    last: Message | None = None
    for i, part in enumerate(parts):
        markup = keyboard if i == len(parts) - 1 else None
        params = (ReplyParameters(reply_to, allow_sending_without_reply=True)
                  if reply_to is not None and i == 0 else None)
        for attempt in (1, 2):
            try:
                last = await context.bot.send_message(chat_id, part, reply_markup=markup,
                                                      reply_parameters=params)
                break
            except NetworkError as exc:
                # A dropped connection or a time-out: the answer is ready, so try
                # once more rather than leave the user without one.
                if isinstance(exc, BadRequest) or attempt == 2:
                    raise
                await asyncio.sleep(0.5)
    return last


async def reply(update: Update, context: Context, html_text: str | Sequence[str],
                keyboard: InlineKeyboardMarkup | None = None) -> None:
    """Answer the update's chat; in groups as a reply to the user's message."""
    chat = update.effective_chat
    if chat is None:
        return
    message = update.effective_message
    reply_to = message.message_id if is_group(update) and message is not None \
        and update.callback_query is None else None
    parts = [html_text] if isinstance(html_text, str) else list(html_text)
    await send_parts(context, chat.id, parts, keyboard, reply_to)


# -- gatekeeping: allow-list and per-user limit -------------------------------------------------


async def admit(update: Update, context: Context, *, count: bool = True) -> bool:
    """Whether to serve this update; tells the user why not (politely, and not every time)."""
    settings = get_settings(context)
    chat, user, query = update.effective_chat, update.effective_user, update.callback_query
    allowed = settings.telegram_allowed_chats
    if allowed and chat is not None and chat.id not in allowed:
        refused = state(context).refused_chats
        text = fmt.chrome(fmt.NOT_ALLOWED, user_script(user))
        if query is not None:
            await query.answer(text)
        elif chat.id not in refused:  # once per chat, or the bot would argue with a group
            refused.add(chat.id)
            await reply(update, context, fmt.escape(text))
        return False
    if not count or user is None:
        return True
    verdict = state(context).limiter.hit(user.id)
    if verdict.allowed:
        return True
    log.info("rate limit: dropped an update from one user (retry in %.0fs)", verdict.retry_after)
    text = fmt.chrome(fmt.RATE_LIMITED, user_script(user)).format(
        seconds=max(1, round(verdict.retry_after)))
    if query is not None:
        await query.answer(text if verdict.notify else None)
    elif verdict.notify:
        await reply(update, context, fmt.escape(text))
    return False


def admitted(handler: Handler) -> Handler:
    """Serve ``handler``'s updates only from allowed chats (see :func:`admit`); commands
    that show the corpus or help do not count towards a user's question limit."""
    @wraps(handler)
    async def run(update: Update, context: Context) -> None:
        if await admit(update, context, count=False):
            await handler(update, context)

    return run
