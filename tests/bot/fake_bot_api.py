"""A local fake of the Telegram Bot API, for end-to-end tests of the real bot process.

This module owns :class:`FakeBotAPI`: an HTTP server (standard library only, one background
thread plus one per connection) that speaks the subset of the Bot API the bot uses, well
enough for python-telegram-bot v22 to run against it unmodified.  Point the bot at it with
``base_url=api.base_url`` and ``base_file_url=api.base_file_url``.  Nothing leaves 127.0.0.1.

What it does, and why:

* Answers like Telegram, errors included (401 for a wrong token, 404 for an unknown method,
  400 ``Bad Request: …`` for invalid HTML, over-long or empty text, bad callback data, unknown
  chats or messages, "message is not modified"…), so the bot's error handling is exercised
  and bugs that only a real server would catch are caught here.
* Records every call (:attr:`FakeBotAPI.calls`) and every 4xx answer
  (:attr:`FakeBotAPI.errors`), so tests assert on what the bot sent, and that it never sent
  anything Telegram would have refused.
* Lets tests play the users: build realistic updates (:meth:`FakeBotAPI.message`,
  :meth:`FakeBotAPI.callback_query`, …), :meth:`FakeBotAPI.push_update` them into the
  long-poll queue, then :meth:`FakeBotAPI.wait_for` the bot's reaction.
* Injects faults (:meth:`FakeBotAPI.fail_next`), e.g. a 429 with ``retry_after``.

Request bodies are accepted in every encoding PTB uses: PTB v22 (``telegram/request``) sends
its parameters as a form (``application/x-www-form-urlencoded``, or ``multipart/form-data``
when uploading a file) in which every non-string value is a JSON-encoded string.  Those are
decoded back (objects/arrays always, numbers and booleans for parameters Telegram types that
way), so :attr:`Call.params` holds ``{"chat_id": 42, "reply_markup": {...}}``, not strings.
``application/json`` bodies and query strings work too.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import re
import socket
import threading
import time
import traceback
import unicodedata
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from .telegram_html import CAPTION_LIMIT, MESSAGE_LIMIT, parse_telegram_html, utf16_length

JSON = dict[str, Any]

__all__ = ["ApiError", "Call", "FakeBotAPI", "UploadedFile"]

# -- request decoding ---------------------------------------------------------------------

# Free-text parameters: never JSON-decoded, so a text "[1]" or "42" stays a string.
_TEXT_PARAMS = frozenset(
    {
        "text", "caption", "query", "data", "callback_query_id", "inline_query_id",
        "next_offset", "url", "description", "short_description", "name", "title",
        "file_id", "parse_mode", "action", "language_code", "secret_token", "ip_address",
        "emoji", "switch_pm_text", "switch_pm_parameter", "inline_message_id",
        "business_connection_id", "message_effect_id", "document", "thumbnail",
    }
)  # fmt: skip
# Parameters Telegram types as Integer; PTB sends them as decimal strings.
_INT_PARAMS = frozenset(
    {
        "chat_id", "from_chat_id", "message_id", "message_thread_id", "reply_to_message_id",
        "offset", "limit", "timeout", "user_id", "cache_time", "max_connections",
        "until_date", "duration", "width", "height",
    }
)  # fmt: skip
# Parameters Telegram types as Boolean; PTB sends them as "true"/"false".
_BOOL_PARAMS = frozenset(
    {
        "disable_notification", "protect_content", "allow_sending_without_reply",
        "disable_web_page_preview", "show_alert", "is_personal", "drop_pending_updates",
        "disable_content_type_detection", "allow_paid_broadcast", "has_spoiler",
        "revoke_messages", "only_if_banned", "show_caption_above_media",
    }
)  # fmt: skip


def _decode_param(key: str, value: Any) -> Any:
    """Turn a form-encoded parameter back into the JSON value PTB encoded."""
    if not isinstance(value, str) or key in _TEXT_PARAMS:
        return value
    stripped = value.strip()
    if stripped[:1] in ("{", "["):
        try:
            return json.loads(stripped)
        except ValueError:
            return value
    if key in _INT_PARAMS and re.fullmatch(r"-?\d+", stripped):
        return int(stripped)
    if key in _BOOL_PARAMS and stripped.lower() in ("true", "false"):
        return stripped.lower() == "true"
    return value


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a ``multipart/form-data`` request (e.g. ``sendDocument``)."""

    field: str
    filename: str | None
    content_type: str | None
    content: bytes


_DISPOSITION_PARAM_RE = re.compile(r';\s*([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))')


def _parse_multipart(body: bytes, boundary: str) -> tuple[JSON, dict[str, UploadedFile]]:
    """Split a multipart body.  Hand-written because ``cgi`` is gone and ``email`` may
    rewrite line endings in binary parts."""
    fields: JSON = {}
    files: dict[str, UploadedFile] = {}
    delimiter = b"--" + boundary.encode("latin-1")
    for raw_part in body.split(delimiter)[1:]:
        if raw_part.startswith(b"--"):
            break  # the closing delimiter
        part = raw_part[2:] if raw_part.startswith(b"\r\n") else raw_part
        if part.endswith(b"\r\n"):
            part = part[:-2]
        raw_headers, _, content = part.partition(b"\r\n\r\n")
        headers: dict[str, str] = {}
        for line in raw_headers.decode("utf-8", "replace").split("\r\n"):
            name, sep, value = line.partition(":")
            if sep:
                headers[name.strip().lower()] = value.strip()
        params = {
            key.lower(): (quoted if quoted is not None and unquoted == "" else unquoted)
            for key, quoted, unquoted in _DISPOSITION_PARAM_RE.findall(
                ";" + headers.get("content-disposition", "").partition(";")[2]
            )
        }
        params = {key: value.replace('\\"', '"') for key, value in params.items()}
        field_name = params.get("name")
        if field_name is None:
            continue
        filename = params.get("filename")
        if filename is None and "filename*" in params:
            # RFC 5987: utf-8''percent-encoded
            filename = urllib.parse.unquote(params["filename*"].partition("''")[2])
        if filename is not None or ("content-type" in headers and not _is_text(headers)):
            files[field_name] = UploadedFile(
                field_name, filename, headers.get("content-type"), content
            )
        else:
            fields[field_name] = content.decode("utf-8", "replace")
    return fields, files


def _is_text(headers: dict[str, str]) -> bool:
    return headers.get("content-type", "text/plain").lower().startswith("text/")


def _header_param(header: str, name: str) -> str | None:
    for piece in header.split(";")[1:]:
        key, _, value = piece.strip().partition("=")
        if key.strip().lower() == name:
            return value.strip().strip('"')
    return None


# -- recording ----------------------------------------------------------------------------


@dataclass(eq=False)
class Call:
    """One Bot API request the server received, in arrival order.

    ``status``/``result``/``description`` are filled in once the server has answered;
    :meth:`FakeBotAPI.wait_for` only returns answered calls (getUpdates excepted).
    """

    method: str
    params: JSON
    time: float
    files: dict[str, UploadedFile] = field(default_factory=dict)
    index: int = -1  # position in FakeBotAPI.calls; pass index + 1 as wait_for(after=...)
    status: int | None = None  # HTTP status of the answer; None while in flight
    result: Any = None  # the "result" of a successful answer (e.g. the sent Message dict)
    description: str | None = None  # the error description of a failed answer

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def done(self) -> bool:
        return self.status is not None

    def summary(self, width: int = 100) -> str:
        shown = {k: v for k, v in self.params.items() if k not in ("reply_markup",)}
        text = json.dumps(shown, ensure_ascii=False)
        if len(text) > width:
            text = text[: width - 1] + "…"
        outcome = "…" if self.status is None else str(self.status)
        if self.description:
            outcome += f" {self.description}"
        return f"#{self.index} {self.method} {text} -> {outcome}"


@dataclass(frozen=True)
class ApiError:
    """A 4xx answer the server gave.  ``injected`` marks those made by ``fail_next``."""

    method: str
    params: JSON
    error_code: int
    description: str
    time: float
    injected: bool = False


@dataclass
class _Fault:
    error_code: int
    description: str
    retry_after: int | None


class _TelegramError(Exception):
    def __init__(self, error_code: int, description: str, parameters: JSON | None = None):
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters
        self.injected = False


def _bad_request(reason: str) -> _TelegramError:
    return _TelegramError(400, f"Bad Request: {reason}")


# -- Telegram's own entity detection for incoming messages --------------------------------

_USERNAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _is_word_char(ch: str) -> bool:
    return ch == "_" or unicodedata.category(ch)[0] in "LN"


def _scan_name(text: str, i: int) -> int:
    while i < len(text) and text[i] in _USERNAME_CHARS:
        i += 1
    return i


def _find_bot_commands(text: str) -> list[tuple[int, int]]:
    """Spans of /command and /command@bot, as tdlib's match_bot_commands finds them."""
    spans: list[tuple[int, int]] = []
    i = 0
    while (i := text.find("/", i)) >= 0:
        if i > 0 and (_is_word_char(text[i - 1]) or text[i - 1] in "/<>"):
            i += 1
            continue
        start = i
        i = _scan_name(text, i + 1)
        if not 1 <= i - start - 1 <= 64:
            continue
        if i < len(text) and text[i] == "@":
            mention_start = i + 1
            i = _scan_name(text, mention_start)
            if not 3 <= i - mention_start <= 32:
                continue
        if i < len(text) and (_is_word_char(text[i]) or text[i] in "/<>"):
            continue
        spans.append((start, i))
    return spans


def _find_mentions(text: str) -> list[tuple[int, int]]:
    """Spans of @username, as tdlib's match_mentions finds them."""
    spans: list[tuple[int, int]] = []
    i = 0
    while (i := text.find("@", i)) >= 0:
        if i > 0 and _is_word_char(text[i - 1]):
            i += 1
            continue
        start = i
        i = _scan_name(text, i + 1)
        if not 2 <= i - start - 1 <= 32:
            continue
        if i < len(text) and _is_word_char(text[i]):
            continue
        spans.append((start, i))
    return spans


def detect_entities(text: str) -> list[JSON]:
    """The ``bot_command`` and ``mention`` entities Telegram attaches to a user's message,
    with offsets and lengths in UTF-16 code units.  (URLs, hashtags etc. are not detected.)"""
    found = [("bot_command", span) for span in _find_bot_commands(text)]
    commands = [span for _, span in found]
    for span in _find_mentions(text):
        # Telegram never lets a mention overlap a command ("/start@casebot").
        if not any(s < span[1] and span[0] < e for s, e in commands):
            found.append(("mention", span))
    found.sort(key=lambda item: item[1][0])
    return [
        {
            "type": kind,
            "offset": utf16_length(text[:start]),
            "length": utf16_length(text[start:end]),
        }
        for kind, (start, end) in found
    ]


# -- the HTTP layer -----------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a stuck request thread must never keep the test process alive
    api: FakeBotAPI

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients hanging up mid-answer is normal here (PTB cancels long polls); stay quiet.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as PTB's httpx client expects
    server: _Server
    timeout = 60  # close idle keep-alive connections eventually

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's algorithm and
        # delayed ACKs add ~40 ms to every answer.
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.api._track_connection(self.connection, add=True)

    def finish(self) -> None:
        with contextlib.suppress(OSError):  # the client may already be gone
            super().finish()
        self.server.api._track_connection(self.connection, add=False)

    def do_GET(self) -> None:
        self.server.api._serve(self)

    def do_POST(self) -> None:
        self.server.api._serve(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the test output is no place for an access log


_READ_ERRORS = (OSError, ValueError)

# Update types delivered when allowed_updates is empty/unset (Telegram's default).
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip
_BUTTON_ACTIONS = frozenset(
    {
        "url", "callback_data", "web_app", "login_url", "switch_inline_query",
        "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
        "callback_game", "pay",
    }
)  # fmt: skip
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile refuses bigger files


class FakeBotAPI:
    """A fake Telegram Bot API server on ``127.0.0.1:<random port>``.

    Use as a context manager (or ``start()``/``stop()``).  All public methods are
    thread-safe; the server answers from its own threads.
    """

    def __init__(
        self,
        token: str = "123456:TEST",
        bot_username: str = "casebot_test_bot",
        *,
        bot_first_name: str = "CaseBot Test",
        max_poll_wait: float = 1.0,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        # Long polls end after min(timeout, max_poll_wait): PTB simply polls again, and a
        # stuck poll can never hold up shutdown for long.
        self.max_poll_wait = max_poll_wait
        bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 123456
        self.bot_user: JSON = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

        self._cond = threading.Condition(threading.RLock())
        self._calls: list[Call] = []
        self._errors: list[ApiError] = []
        self._server_errors: list[str] = []
        self._faults: dict[str, list[_Fault]] = {}

        self._update_ids = itertools.count(1)
        self._queue: list[JSON] = []  # pushed, not yet confirmed by a getUpdates offset
        self._dropped: list[JSON] = []  # filtered out by allowed_updates or dropped
        self._allowed_updates: list[str] | None = None
        self._poll_generation = 0
        self._webhook_url = ""

        self._chats: dict[int, JSON] = {}
        self._users: dict[int, JSON] = {}
        self._next_message_id: dict[int, int] = {}
        self._messages: dict[tuple[int, int], JSON] = {}  # current state of live messages
        self._bot_messages: set[tuple[int, int]] = set()
        self._callback_queries: dict[str, JSON] = {}
        self._inline_queries: dict[str, JSON] = {}
        self._files: dict[str, JSON] = {}  # file_id -> File fields + file_name/mime_type
        self._files_by_path: dict[str, bytes] = {}
        self._commands: dict[str, list[JSON]] = {}
        self._ids = itertools.count(1)

        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._connections: set[socket.socket] = set()
        self._port = 0

        self._handlers: dict[str, Callable[[JSON, dict[str, UploadedFile]], Any]] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "answerInlineQuery": self._answer_inline_query,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "sendChatAction": self._send_chat_action,
            "sendDocument": self._send_document,
            "getFile": self._get_file,
            "close": lambda params, files: True,
            "logOut": lambda params, files: True,
        }
        # Telegram matches method names case-insensitively.
        self._method_names = {name.lower(): name for name in self._handlers}

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> FakeBotAPI:
        if self._server is not None:
            raise RuntimeError("FakeBotAPI already started")
        self._stopping = False
        server = _Server(("127.0.0.1", 0), _Handler)
        server.api = self
        self._server = server
        self._port = server.server_address[1]
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"FakeBotAPI:{self._port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; returns within about a second even with long polls in flight."""
        server = self._server
        if server is None:
            return
        with self._cond:
            self._stopping = True
            self._cond.notify_all()  # wake long polls so they answer now
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=1.0)
        # Give in-flight answers a moment, then cut idle keep-alive connections so their
        # handler threads end instead of waiting for the client.
        deadline = time.monotonic() + 0.3
        while time.monotonic() < deadline:
            with self._cond:
                if not self._connections:
                    break
            time.sleep(0.01)
        with self._cond:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._server = None

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        """For ``Bot(base_url=...)``: PTB appends the token."""
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``Bot(base_file_url=...)``: PTB appends the token."""
        return f"http://127.0.0.1:{self._port}/file/bot"

    # -- recording, for assertions --------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """A snapshot of every authorised call so far, in arrival order."""
        with self._cond:
            return list(self._calls)

    def calls_of(self, method: str) -> list[Call]:
        with self._cond:
            return [call for call in self._calls if call.method == method]

    def method_names(self) -> list[str]:
        """The Bot API methods this fake implements (others answer 404 Not Found)."""
        return list(self._handlers)

    def mark(self) -> int:
        """The index the next call will get: ``wait_for(..., after=api.mark())``."""
        with self._cond:
            return len(self._calls)

    @property
    def errors(self) -> list[ApiError]:
        """Every 4xx answer given (including those injected by ``fail_next``)."""
        with self._cond:
            return list(self._errors)

    @property
    def server_errors(self) -> list[str]:
        """Tracebacks of bugs in this fake (answered with 500); should always be empty."""
        with self._cond:
            return list(self._server_errors)

    def assert_no_errors(self) -> None:
        """Fail if the server refused anything it was not told to refuse."""
        with self._cond:
            unexpected = [e for e in self._errors if not e.injected]
            bugs = list(self._server_errors)
        if unexpected or bugs:
            lines = [f"{e.method} -> {e.error_code} {e.description}" for e in unexpected]
            raise AssertionError("Bot API errors:\n" + "\n".join(lines + bugs))

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        """The ``text`` of every successful sendMessage (optionally to one chat)."""
        with self._cond:
            return [
                str(call.params.get("text"))
                for call in self._calls
                if call.method == "sendMessage"
                and call.ok
                and (chat_id is None or call.result["chat"]["id"] == chat_id)
            ]

    def get_message(self, chat_id: int, message_id: int) -> JSON | None:
        """The current state (after edits) of a message, or None if unknown/deleted."""
        with self._cond:
            message = self._messages.get((chat_id, message_id))
            return json.loads(json.dumps(message)) if message is not None else None

    def chat_history(self, chat_id: int) -> list[JSON]:
        """Live (not deleted) messages of a chat, users' and bot's, oldest first."""
        with self._cond:
            keys = sorted(key for key in self._messages if key[0] == chat_id)
            return [json.loads(json.dumps(self._messages[key])) for key in keys]

    def my_commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """The command list setMyCommands stored for a scope (default scope if None)."""
        with self._cond:
            return list(self._commands.get(self._commands_key(scope, language_code), []))

    def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 30.0,  # a bound against hanging, not an expectation of speed
        after: int | None = None,
    ) -> Call:
        """Block until a call of ``method`` matching ``predicate`` has been answered.

        Only calls with ``index >= after`` count (use :meth:`mark` before acting); with
        ``after=None`` all calls so far count.  getUpdates calls match as soon as they
        arrive (they may long-poll).  Raises ``AssertionError`` listing recent calls on
        timeout.
        """
        method = self._method_names.get(method.lower(), method)
        start = after or 0
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for call in self._calls[start:]:
                    if call.method != method:
                        continue
                    if not call.done and method != "getUpdates":
                        continue
                    if predicate is None or predicate(call):
                        return call
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"no matching {method} call (from #{start}) within {timeout}s; "
                        f"recent calls:\n{self._describe_recent_calls()}"
                    )
                self._cond.wait(remaining)

    def wait_until_polling(self, timeout: float = 10.0) -> Call:
        """Wait until the bot has made its first getUpdates call."""
        return self.wait_for("getUpdates", timeout=timeout)

    def pending_updates(self) -> int:
        """Pushed updates not yet confirmed by a later getUpdates ``offset``."""
        with self._cond:
            return len(self._queue)

    def wait_until_confirmed(self, timeout: float = 10.0) -> None:
        """Wait until every pushed update has been confirmed (none lost, none pending)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._queue:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    ids = [update["update_id"] for update in self._queue]
                    raise AssertionError(f"updates {ids} still unconfirmed after {timeout}s")
                self._cond.wait(remaining)

    @property
    def dropped_updates(self) -> list[JSON]:
        """Updates discarded unseen (not in allowed_updates, or drop_pending_updates)."""
        with self._cond:
            return list(self._dropped)

    def _describe_recent_calls(self, limit: int = 20) -> str:
        recent = [call for call in self._calls if call.method != "getUpdates"][-limit:]
        polls = sum(1 for call in self._calls if call.method == "getUpdates")
        lines = [call.summary() for call in recent] or ["(none besides getUpdates)"]
        lines.append(f"({polls} getUpdates calls, {len(self._queue)} updates pending)")
        return "\n".join(lines)

    # -- fault injection ------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = None,
    ) -> None:
        """Make the next call of ``method`` fail once (queue several by calling again).

        A 429 defaults to ``retry_after=1`` and Telegram's "Too Many Requests" wording; PTB
        raises ``RetryAfter`` only when ``retry_after`` is non-zero.
        """
        if error_code == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            if error_code == 429:
                description = f"Too Many Requests: retry after {retry_after}"
            elif error_code == 403:
                description = "Forbidden: bot was blocked by the user"
            else:
                description = "Bad Request: injected failure"
        with self._cond:
            self._faults.setdefault(method, []).append(_Fault(error_code, description, retry_after))

    # -- users, chats, files and updates, for tests ---------------------------------------

    def add_chat(
        self,
        chat_id: int,
        chat_type: str = "private",
        *,
        title: str | None = None,
        username: str | None = None,
        first_name: str | None = None,
    ) -> JSON:
        """Make a chat known, so the bot may send to it without a user message first."""
        chat: JSON = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name or f"User{chat_id}"
            if username:
                chat["username"] = username
        else:
            chat["title"] = title or f"Test {chat_type} {chat_id}"
            if username:
                chat["username"] = username
        with self._cond:
            self._chats[chat_id] = chat
        return dict(chat)

    def add_file(
        self,
        file_id: str,
        content: bytes,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> JSON:
        """Register a downloadable file; returns its Document dict (for a message)."""
        with self._cond:
            return self._register_file(file_id, content, file_name, mime_type)

    def push_update(self, update: JSON) -> int:
        """Queue an update for getUpdates; assigns (overwrites) and returns its update_id."""
        with self._cond:
            update_id = next(self._update_ids)
            update = dict(update)
            update["update_id"] = update_id
            self._queue.append(update)
            self._cond.notify_all()
            return update_id

    def message(
        self,
        text: str | None,
        chat_id: int | None = None,
        user_id: int = 1001,
        chat_type: str = "private",
        username: str | None = None,
        first_name: str | None = None,
        reply_to_message: JSON | int | None = None,
        entities: list[JSON] | None = None,
        document: JSON | None = None,
        *,
        caption: str | None = None,
        chat_title: str | None = None,
        language_code: str | None = None,
    ) -> JSON:
        """Build a ``{"message": ...}`` update (push it with :meth:`push_update`).

        ``entities=None`` generates Telegram's own ``bot_command``/``mention`` entities
        (UTF-16 offsets), e.g. for ``/ask@casebot_test_bot …`` in a group.  Group chats
        (``chat_type`` "group"/"supergroup") default to a fixed negative chat id.
        ``reply_to_message`` may be a message dict or the message_id of one in that chat.
        """
        with self._cond:
            user = self._user(user_id, username, first_name, language_code)
            chat = self._chat_for(chat_id, chat_type, user, chat_title)
            message: JSON = {
                "message_id": self._new_message_id(chat["id"]),
                "from": user,
                "chat": chat,
                "date": int(time.time()),
            }
            if text is not None:
                message["text"] = text
                found = detect_entities(text) if entities is None else entities
                if found:
                    message["entities"] = found
            if document is not None:
                message["document"] = document
            if caption is not None:
                message["caption"] = caption
                found = detect_entities(caption)
                if found:
                    message["caption_entities"] = found
            if reply_to_message is not None:
                message["reply_to_message"] = self._reply_target_dict(chat["id"], reply_to_message)
            self._messages[(chat["id"], message["message_id"])] = message
            return {"message": json.loads(json.dumps(message))}

    def document_message(
        self,
        file_id: str,
        file_name: str,
        mime_type: str = "application/octet-stream",
        chat_id: int | None = None,
        user_id: int = 1001,
        *,
        content: bytes | None = None,
        caption: str | None = None,
        chat_type: str = "private",
        username: str | None = None,
        first_name: str | None = None,
    ) -> JSON:
        """Build a ``{"message": ...}`` update carrying a document.

        Pass ``content`` to also register the file for getFile/download (or call
        :meth:`add_file` yourself).
        """
        with self._cond:
            if content is not None:
                document = self._register_file(file_id, content, file_name, mime_type)
            elif file_id in self._files:
                document = self._document_dict(file_id)
            else:
                document = {
                    "file_id": file_id,
                    "file_unique_id": self._unique_id(file_id),
                    "file_name": file_name,
                    "mime_type": mime_type,
                }
        return self.message(
            None,
            chat_id=chat_id,
            user_id=user_id,
            chat_type=chat_type,
            username=username,
            first_name=first_name,
            document=document,
            caption=caption,
        )

    def callback_query(
        self,
        data: str,
        message_id: int | None = None,
        chat_id: int | None = None,
        user_id: int = 1001,
        *,
        username: str | None = None,
        first_name: str | None = None,
    ) -> JSON:
        """Build a ``{"callback_query": ...}`` update: a user pressing an inline button.

        ``chat_id`` defaults to the user's private chat.  ``message_id=None`` picks the
        latest bot message in that chat whose keyboard has a button with this data.
        """
        with self._cond:
            user = self._user(user_id, username, first_name, None)
            chat_key = user_id if chat_id is None else chat_id
            if message_id is None:
                message_id = self._find_button_message(chat_key, data)
            message = self._messages.get((chat_key, message_id))
            if message is None:
                # An old bot message the fake never saw: make one so edits of it work.
                chat = self._chats.get(chat_key) or self._chat_for(
                    chat_key, "private" if chat_key > 0 else "supergroup", user, None
                )
                message = {
                    "message_id": message_id,
                    "from": self.bot_user,
                    "chat": chat,
                    "date": int(time.time()),
                    "text": "…",
                }
                self._messages[(chat_key, message_id)] = message
                self._bot_messages.add((chat_key, message_id))
            query_id = str(next(self._ids) * 7919 + 4_000_000_000_000_000)
            query: JSON = {
                "id": query_id,
                "from": user,
                "message": json.loads(json.dumps(message)),
                "chat_instance": str(abs(chat_key) * 7_368_787 + 1_000_003),
                "data": data,
            }
            self._callback_queries[query_id] = query
            return {"callback_query": query}

    def inline_query(
        self,
        query: str,
        user_id: int = 1001,
        *,
        offset: str = "",
        chat_type: str = "sender",
        username: str | None = None,
        first_name: str | None = None,
    ) -> JSON:
        """Build an ``{"inline_query": ...}`` update (``@bot query`` typed in any chat)."""
        with self._cond:
            user = self._user(user_id, username, first_name, None)
            query_id = str(next(self._ids) * 104729 + 5_000_000_000_000_000)
            inline: JSON = {
                "id": query_id,
                "from": user,
                "query": query,
                "offset": offset,
                "chat_type": chat_type,
            }
            self._inline_queries[query_id] = inline
            return {"inline_query": dict(inline)}

    # -- internal state helpers (call with the lock held) ---------------------------------

    def _user(
        self,
        user_id: int,
        username: str | None,
        first_name: str | None,
        language_code: str | None,
    ) -> JSON:
        user = dict(self._users.get(user_id) or {"id": user_id, "is_bot": False})
        if first_name is not None or "first_name" not in user:
            user["first_name"] = first_name or f"User{user_id}"
        if username is not None:
            user["username"] = username
        if language_code is not None:
            user["language_code"] = language_code
        self._users[user_id] = user
        return dict(user)

    def _chat_for(self, chat_id: int | None, chat_type: str, user: JSON, title: str | None) -> JSON:
        if chat_type == "private":
            chat: JSON = {"id": user["id"] if chat_id is None else chat_id, "type": "private"}
            chat["first_name"] = user["first_name"]
            if "username" in user:
                chat["username"] = user["username"]
        else:
            default_id = -1001234567890 if chat_type == "supergroup" else -4012345678
            chat_key = default_id if chat_id is None else chat_id
            known = self._chats.get(chat_key, {})
            chat = {
                "id": chat_key,
                "type": chat_type,
                "title": title or known.get("title") or f"Test {chat_type}",
            }
        self._chats[chat["id"]] = chat
        return dict(chat)

    def _new_message_id(self, chat_id: int) -> int:
        # One sequence per chat, shared by users' and bot's messages, as in Telegram.
        message_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    def _reply_target_dict(self, chat_id: int, target: JSON | int) -> JSON:
        if isinstance(target, dict):
            replied = dict(target)
        else:
            found = self._messages.get((chat_id, target))
            if found is None:
                raise ValueError(f"no message {target} in chat {chat_id} to reply to")
            replied = dict(found)
        replied.pop("reply_to_message", None)  # Telegram nests only one level
        return json.loads(json.dumps(replied))

    def _find_button_message(self, chat_id: int, data: str) -> int:
        for key in sorted(self._bot_messages, reverse=True):
            message = self._messages.get(key)
            if key[0] != chat_id or message is None:
                continue
            rows = message.get("reply_markup", {}).get("inline_keyboard", [])
            if any(button.get("callback_data") == data for row in rows for button in row):
                return key[1]
        raise ValueError(f"no bot message in chat {chat_id} has a button with data {data!r}")

    def _unique_id(self, file_id: str) -> str:
        return "AgAD" + hashlib.sha1(file_id.encode()).hexdigest()[:12]

    def _register_file(
        self, file_id: str, content: bytes, file_name: str | None, mime_type: str | None
    ) -> JSON:
        suffix = ""
        if file_name and "." in file_name:
            suffix = "." + re.sub(r"[^A-Za-z0-9]", "", file_name.rsplit(".", 1)[1])[:10]
        file_path = f"documents/file_{len(self._files_by_path)}{suffix}"
        self._files[file_id] = {
            "file_id": file_id,
            "file_unique_id": self._unique_id(file_id),
            "file_size": len(content),
            "file_path": file_path,
            "file_name": file_name,
            "mime_type": mime_type,
        }
        self._files_by_path[file_path] = content
        return self._document_dict(file_id)

    def _document_dict(self, file_id: str) -> JSON:
        info = self._files[file_id]
        document = {k: info[k] for k in ("file_id", "file_unique_id", "file_size")}
        for key in ("file_name", "mime_type"):
            if info.get(key):
                document[key] = info[key]
        return document

    @staticmethod
    def _commands_key(scope: JSON | None, language_code: str) -> str:
        return json.dumps(scope or {"type": "default"}, sort_keys=True) + "|" + language_code

    def _track_connection(self, conn: socket.socket, *, add: bool) -> None:
        with self._cond:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    # -- HTTP plumbing --------------------------------------------------------------------

    def _serve(self, handler: _Handler) -> None:
        try:
            body = self._read_body(handler)
        except _READ_ERRORS:
            handler.close_connection = True
            return
        path = urllib.parse.urlsplit(handler.path)
        # PTB percent-encodes download URLs, token included ("123456%3ATEST").
        route = urllib.parse.unquote(path.path)
        api_route = re.fullmatch(r"/bot([^/]*)/([^/]*)/?", route)
        file_route = re.fullmatch(r"/file/bot([^/]*)/(.+)", route)
        if file_route is not None:
            self._serve_file(handler, file_route.group(1), file_route.group(2))
            return
        if api_route is None:
            self._respond_error(handler, "", {}, _TelegramError(404, "Not Found"))
            return
        token, raw_method = api_route.group(1), api_route.group(2)
        if token != self.token:
            self._respond_error(handler, raw_method, {}, _TelegramError(401, "Unauthorized"))
            return
        try:
            params, files = self._parse_params(handler, path.query, body)
        except (ValueError, UnicodeDecodeError) as exc:
            error = _bad_request(f"can't parse request: {exc}")
            self._respond_error(handler, raw_method, {}, error)
            return
        method = self._method_names.get(raw_method.lower(), raw_method)
        call = self._record_call(method, params, files)
        status, payload = self._dispatch(call)
        with self._cond:
            call.status = status
            if payload.get("ok"):
                call.result = payload.get("result")
            else:
                call.description = payload.get("description")
            self._cond.notify_all()
        self._write_json(handler, status, payload)

    @staticmethod
    def _read_body(handler: _Handler) -> bytes:
        if "chunked" in handler.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(handler.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    # Skip trailers up to the blank line.
                    while handler.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(handler.rfile.read(size))
                handler.rfile.readline()
        length = int(handler.headers.get("Content-Length") or 0)
        return handler.rfile.read(length) if length > 0 else b""

    @staticmethod
    def _parse_params(
        handler: _Handler, query: str, body: bytes
    ) -> tuple[JSON, dict[str, UploadedFile]]:
        raw: JSON = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        files: dict[str, UploadedFile] = {}
        content_type = handler.headers.get("Content-Type", "")
        kind = content_type.split(";")[0].strip().lower()
        if body:
            if kind == "application/json":
                decoded = json.loads(body.decode("utf-8"))
                if not isinstance(decoded, dict):
                    raise ValueError("the JSON body must be an object")
                raw.update(decoded)
            elif kind == "multipart/form-data":
                boundary = _header_param(content_type, "boundary")
                if not boundary:
                    raise ValueError("multipart body without boundary")
                fields, files = _parse_multipart(body, boundary)
                raw.update(fields)
            else:  # application/x-www-form-urlencoded, or unlabelled
                raw.update(urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        return {key: _decode_param(key, value) for key, value in raw.items()}, files

    def _record_call(self, method: str, params: JSON, files: dict[str, UploadedFile]) -> Call:
        with self._cond:
            call = Call(method, params, time.time(), files, index=len(self._calls))
            self._calls.append(call)
            self._cond.notify_all()
            return call

    def _dispatch(self, call: Call) -> tuple[int, JSON]:
        try:
            with self._cond:
                faults = self._faults.get(call.method)
                fault = faults.pop(0) if faults else None
            if fault is not None:
                parameters = (
                    {"retry_after": fault.retry_after} if fault.retry_after is not None else None
                )
                error = _TelegramError(fault.error_code, fault.description, parameters)
                error.injected = True
                raise error
            handler = self._handlers.get(call.method)
            if handler is None:
                raise _TelegramError(404, "Not Found")
            result = handler(call.params, call.files)
            return 200, {"ok": True, "result": result}
        except _TelegramError as error:
            self._record_error(call.method, call.params, error)
            return error.error_code, self._error_payload(error)
        except Exception:  # a bug in this fake: answer 500, keep serving, let tests see it
            with self._cond:
                self._server_errors.append(traceback.format_exc())
            return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}

    @staticmethod
    def _error_payload(error: _TelegramError) -> JSON:
        payload: JSON = {
            "ok": False,
            "error_code": error.error_code,
            "description": error.description,
        }
        if error.parameters:
            payload["parameters"] = error.parameters
        return payload

    def _record_error(self, method: str, params: JSON, error: _TelegramError) -> None:
        if 400 <= error.error_code < 500:
            with self._cond:
                self._errors.append(
                    ApiError(
                        method,
                        params,
                        error.error_code,
                        error.description,
                        time.time(),
                        error.injected,
                    )
                )

    def _respond_error(
        self, handler: _Handler, method: str, params: JSON, error: _TelegramError
    ) -> None:
        self._record_error(method, params, error)
        self._write_json(handler, error.error_code, self._error_payload(error))

    @staticmethod
    def _write(handler: _Handler, status: int, body: bytes, content_type: str) -> None:
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
            handler.wfile.flush()
        except OSError:
            handler.close_connection = True  # the client went away (e.g. a cancelled poll)

    def _write_json(self, handler: _Handler, status: int, payload: JSON) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._write(handler, status, body, "application/json")

    def _serve_file(self, handler: _Handler, token: str, file_path: str) -> None:
        if token != self.token:
            self._respond_error(handler, "file", {}, _TelegramError(401, "Unauthorized"))
            return
        with self._cond:
            content = self._files_by_path.get(file_path)
        if content is None:
            self._respond_error(
                handler, "file", {"file_path": file_path}, _TelegramError(404, "Not Found")
            )
            return
        self._write(handler, 200, content, "application/octet-stream")

    # -- parameter checks -----------------------------------------------------------------

    def _chat(self, params: JSON) -> JSON:
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise _bad_request("chat_id is empty")
        with self._cond:
            if isinstance(raw, str) and raw.startswith("@"):
                for chat in self._chats.values():
                    if chat.get("username", "").lower() == raw[1:].lower():
                        return dict(chat)
            elif isinstance(raw, int) and raw in self._chats:
                return dict(self._chats[raw])
        raise _bad_request("chat not found")

    @staticmethod
    def _int(params: JSON, key: str, missing: str) -> int:
        value = params.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad_request(missing)
        return value

    @staticmethod
    def _formatted(
        params: JSON,
        key: str,
        *,
        limit: int,
        required: bool,
        empty: str,
        too_long: str,
        entities_key: str = "entities",
    ) -> tuple[str, list[JSON]]:
        """Check a text/caption as Telegram does; return its visible text and entities."""
        raw = params.get(key)
        if raw is None or raw == "":
            if required:
                raise _bad_request(empty)
            return "", []
        text = raw if isinstance(raw, str) else json.dumps(raw)
        parse_mode = params.get("parse_mode") or ""
        if not isinstance(parse_mode, str):
            raise _bad_request("unsupported parse_mode")
        entities: list[JSON] = []
        if parse_mode.lower() == "html":
            try:
                parsed = parse_telegram_html(text)
            except ValueError as exc:
                raise _bad_request(f"can't parse entities: {exc}") from None
            text, entities = parsed.text, parsed.entities
        elif parse_mode == "":
            given = params.get(entities_key)
            entities = given if isinstance(given, list) else []
        elif parse_mode.lower() not in ("markdown", "markdownv2"):
            raise _bad_request("unsupported parse_mode")
        # Markdown is passed through unparsed: the bot uses HTML.
        if required and not text.strip():
            raise _bad_request(empty)
        if utf16_length(text) > limit:
            raise _bad_request(too_long)
        return text, entities

    def _message_text(self, params: JSON) -> tuple[str, list[JSON]]:
        return self._formatted(
            params,
            "text",
            limit=MESSAGE_LIMIT,
            required=True,
            empty="message text is empty",
            too_long="message is too long",
        )

    @staticmethod
    def _check_url(url: Any) -> bool:
        if not isinstance(url, str) or not url or any(ch.isspace() for ch in url):
            return False
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("http", "https"):
            return bool(parts.netloc)
        if parts.scheme in ("tg", "ton"):
            return True
        return parts.scheme == "" and "." in url  # "t.me/x": Telegram adds http://

    def _reply_markup(self, params: JSON) -> JSON | None:
        """Validate reply_markup; return it if it is an inline keyboard (kept on the message)."""
        markup = params.get("reply_markup")
        if markup is None or markup == "":
            return None
        if not isinstance(markup, dict):
            raise _bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" not in markup:
            return None  # reply keyboards, ForceReply, ReplyKeyboardRemove: not shown later
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _bad_request(
                'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays'
            )
        for row in rows:
            for button in row:
                if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                    raise _bad_request(
                        'can\'t parse inline keyboard button: Field "text" must be of type String'
                    )
                if "callback_data" in button:
                    data = button["callback_data"]
                    if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= 64:
                        raise _bad_request("BUTTON_DATA_INVALID")
                elif "url" in button:
                    if not self._check_url(button["url"]):
                        raise _bad_request("BUTTON_URL_INVALID")
                elif not _BUTTON_ACTIONS.intersection(button):
                    raise _bad_request(
                        "can't parse inline keyboard button: Text buttons are unallowed in the "
                        "inline keyboard"
                    )
        return json.loads(json.dumps(markup))

    def _reply_to(self, chat_id: int, params: JSON) -> JSON | None:
        reply = params.get("reply_parameters")
        if isinstance(reply, dict):
            target, lenient = (
                reply.get("message_id"),
                bool(reply.get("allow_sending_without_reply")),
            )
        elif params.get("reply_to_message_id") is not None:
            target = params.get("reply_to_message_id")
            lenient = bool(params.get("allow_sending_without_reply"))
        else:
            return None
        with self._cond:
            message = self._messages.get((chat_id, target)) if isinstance(target, int) else None
            if message is None:
                if lenient:
                    return None
                raise _bad_request("message to be replied not found")
            return self._reply_target_dict(chat_id, message)

    def _new_bot_message(self, chat: JSON, params: JSON, content: JSON) -> JSON:
        reply_to = self._reply_to(chat["id"], params)
        with self._cond:
            message: JSON = {
                "message_id": self._new_message_id(chat["id"]),
                "from": dict(self.bot_user),
                "chat": chat,
                "date": int(time.time()),
            }
            if reply_to is not None:
                message["reply_to_message"] = reply_to
            message.update(content)
            key = (chat["id"], message["message_id"])
            self._messages[key] = message
            self._bot_messages.add(key)
            return json.loads(json.dumps(message))

    def _bot_message_to_edit(self, params: JSON, missing: str) -> JSON:
        chat = self._chat(params)
        message_id = self._int(params, "message_id", missing)
        key = (chat["id"], message_id)
        with self._cond:
            message = self._messages.get(key)
            if message is None:
                raise _bad_request(missing)
            if key not in self._bot_messages:
                raise _bad_request("message can't be edited")
            return message

    # -- methods --------------------------------------------------------------------------

    def _get_me(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        return dict(self.bot_user)

    def _get_updates(self, params: JSON, files: dict[str, UploadedFile]) -> list[JSON]:
        offset = params.get("offset")
        limit = params.get("limit")
        limit = min(max(limit, 1), 100) if isinstance(limit, int) else 100
        timeout = params.get("timeout")
        wait = float(timeout) if isinstance(timeout, int | float) else 0.0
        wait = min(max(wait, 0.0), self.max_poll_wait)
        allowed = params.get("allowed_updates")
        deadline = time.monotonic() + wait
        with self._cond:
            if self._webhook_url:
                raise _TelegramError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; use "
                    "deleteWebhook to delete the webhook first",
                )
            if isinstance(allowed, list):
                # Telegram remembers the setting until the next getUpdates that sets it.
                self._allowed_updates = [str(kind) for kind in allowed] or None
            # A newer poll supersedes an older one still waiting (e.g. one PTB cancelled).
            self._poll_generation += 1
            generation = self._poll_generation
            self._cond.notify_all()
            if isinstance(offset, int):
                self._confirm(offset)
            while True:
                ready = self._deliverable()
                if ready or self._stopping or self._poll_generation != generation:
                    return json.loads(json.dumps(ready[:limit]))
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                self._cond.wait(remaining)

    def _confirm(self, offset: int) -> None:
        before = len(self._queue)
        if offset > 0:
            self._queue = [u for u in self._queue if u["update_id"] >= offset]
        elif offset < 0:
            # Negative: keep only the last -offset updates, forgetting the rest.
            self._queue = self._queue[offset:]
        if len(self._queue) != before:
            self._cond.notify_all()  # wait_until_confirmed may be waiting

    def _deliverable(self) -> list[JSON]:
        kept: list[JSON] = []
        for update in self._queue:
            kind = next((key for key in update if key != "update_id"), "")
            allowed = (
                kind not in _OPT_IN_UPDATES
                if self._allowed_updates is None
                else kind in self._allowed_updates
            )
            if allowed:
                kept.append(update)
            else:
                self._dropped.append(update)
        if len(kept) != len(self._queue):
            self._queue = kept
            self._cond.notify_all()
        return kept

    def _send_message(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._chat(params)
        text, entities = self._message_text(params)
        markup = self._reply_markup(params)
        content: JSON = {"text": text}
        if entities:
            content["entities"] = entities
        if markup is not None:
            content["reply_markup"] = markup
        return self._new_bot_message(chat, params, content)

    def _edit_message_text(self, params: JSON, files: dict[str, UploadedFile]) -> JSON | bool:
        if params.get("inline_message_id"):
            self._message_text(params)
            self._reply_markup(params)
            return True
        message = self._bot_message_to_edit(params, "message to edit not found")
        text, entities = self._message_text(params)
        markup = self._reply_markup(params)
        with self._cond:
            if "text" not in message:
                raise _bad_request("there is no text in the message to edit")
            if (
                message.get("text") == text
                and message.get("entities", []) == entities
                and message.get("reply_markup") == markup
            ):
                raise _bad_request(_NOT_MODIFIED)
            message["text"] = text
            message.pop("entities", None)
            if entities:
                message["entities"] = entities
            # Editing the text without reply_markup removes the inline keyboard.
            message.pop("reply_markup", None)
            if markup is not None:
                message["reply_markup"] = markup
            message["edit_date"] = int(time.time())
            return json.loads(json.dumps(message))

    def _edit_message_reply_markup(
        self, params: JSON, files: dict[str, UploadedFile]
    ) -> JSON | bool:
        if params.get("inline_message_id"):
            self._reply_markup(params)
            return True
        message = self._bot_message_to_edit(params, "message to edit not found")
        markup = self._reply_markup(params)
        with self._cond:
            if message.get("reply_markup") == markup:
                raise _bad_request(_NOT_MODIFIED)
            message.pop("reply_markup", None)
            if markup is not None:
                message["reply_markup"] = markup
            message["edit_date"] = int(time.time())
            return json.loads(json.dumps(message))

    def _delete_message(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        chat = self._chat(params)
        message_id = self._int(params, "message_id", "message identifier is not specified")
        with self._cond:
            if self._messages.pop((chat["id"], message_id), None) is None:
                raise _bad_request("message to delete not found")
            self._bot_messages.discard((chat["id"], message_id))
        return True

    def _answer_callback_query(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        with self._cond:
            query_id = params.get("callback_query_id")
            known = isinstance(query_id, str) and query_id in self._callback_queries
        if not known:
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        text = params.get("text")
        if isinstance(text, str) and len(text) > 200:
            raise _bad_request("MESSAGE_TOO_LONG")
        return True

    def _answer_inline_query(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        with self._cond:
            query_id = params.get("inline_query_id")
            known = isinstance(query_id, str) and query_id in self._inline_queries
        if not known:
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        results = params.get("results")
        if not isinstance(results, list):
            raise _bad_request("can't parse inline query results JSON object")
        if len(results) > 50:
            raise _bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            if not isinstance(result, dict) or not isinstance(result.get("type"), str):
                raise _bad_request("can't parse inline query result")
            result_id = result.get("id")
            if not isinstance(result_id, str) or not 1 <= len(result_id.encode()) <= 64:
                raise _bad_request("RESULT_ID_INVALID")
            if result_id in seen:
                raise _bad_request("RESULT_ID_DUPLICATE")
            seen.add(result_id)
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                self._formatted(
                    content,
                    "message_text",
                    limit=MESSAGE_LIMIT,
                    required=True,
                    empty="message text is empty",
                    too_long="MESSAGE_TOO_LONG",
                )
            self._reply_markup(result)
        return True

    def _set_my_commands(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise _bad_request("too many commands specified")
        for command in commands:
            if not isinstance(command, dict):
                raise _bad_request("can't parse BotCommand")
            name, description = command.get("command"), command.get("description")
            if not isinstance(name, str) or not _COMMAND_RE.fullmatch(name):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        scope = params.get("scope")
        key = self._commands_key(
            scope if isinstance(scope, dict) else None, str(params.get("language_code") or "")
        )
        with self._cond:
            self._commands[key] = [
                {"command": c["command"], "description": c["description"]} for c in commands
            ]
        return True

    def _get_my_commands(self, params: JSON, files: dict[str, UploadedFile]) -> list[JSON]:
        scope = params.get("scope")
        return self.my_commands(
            scope if isinstance(scope, dict) else None, str(params.get("language_code") or "")
        )

    def _delete_my_commands(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        scope = params.get("scope")
        key = self._commands_key(
            scope if isinstance(scope, dict) else None, str(params.get("language_code") or "")
        )
        with self._cond:
            self._commands.pop(key, None)
        return True

    def _drop_pending(self, params: JSON) -> None:
        if params.get("drop_pending_updates") is True:
            with self._cond:
                self._dropped.extend(self._queue)
                self._queue = []
                self._cond.notify_all()

    def _delete_webhook(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        self._drop_pending(params)
        with self._cond:
            self._webhook_url = ""
        return True

    def _set_webhook(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        url = params.get("url") or ""
        if url and not (isinstance(url, str) and url.startswith("https://")):
            raise _bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self._drop_pending(params)
        with self._cond:
            self._webhook_url = str(url)
            self._cond.notify_all()  # a waiting long poll must not keep going
        return True

    def _get_webhook_info(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        with self._cond:
            return {
                "url": self._webhook_url,
                "has_custom_certificate": False,
                "pending_update_count": len(self._queue),
            }

    def _send_chat_action(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        self._chat(params)
        action = params.get("action")
        if not isinstance(action, str) or action not in _CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        return True

    def _send_document(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._chat(params)
        document = self._document_param(params, files)
        caption, caption_entities = self._formatted(
            params,
            "caption",
            limit=CAPTION_LIMIT,
            required=False,
            empty="",
            too_long="message caption is too long",
            entities_key="caption_entities",
        )
        markup = self._reply_markup(params)
        content: JSON = {"document": document}
        if caption:
            content["caption"] = caption
        if caption_entities:
            content["caption_entities"] = caption_entities
        if markup is not None:
            content["reply_markup"] = markup
        return self._new_bot_message(chat, params, content)

    def _document_param(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        value = params.get("document")
        upload = files.get("document")
        if isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value[len("attach://") :])
        if upload is not None:
            if not upload.content:
                raise _bad_request("file must be non-empty")
            with self._cond:
                file_id = f"BQACAgIAAxkDAAI{next(self._ids):06d}"
                return self._register_file(
                    file_id, upload.content, upload.filename, upload.content_type
                )
        if isinstance(value, str) and value:
            with self._cond:
                if value in self._files:
                    return self._document_dict(value)
            if self._check_url(value) and value.startswith(("http://", "https://")):
                return {
                    "file_id": f"BQACAgIAAxkDAAI{next(self._ids):06d}",
                    "file_unique_id": self._unique_id(value),
                    "file_name": value.rsplit("/", 1)[-1] or "file",
                }
        raise _bad_request("wrong file identifier/HTTP URL specified")

    def _get_file(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        file_id = params.get("file_id")
        with self._cond:
            info = self._files.get(file_id) if isinstance(file_id, str) else None
            if info is None:
                raise _bad_request("invalid file_id")
            if info["file_size"] > _MAX_DOWNLOAD:
                raise _bad_request("file is too big")
            return {k: info[k] for k in ("file_id", "file_unique_id", "file_size", "file_path")}
