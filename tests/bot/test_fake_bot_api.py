"""Tests of the test tooling itself: the fake Bot API server and the HTML validator.

The server is driven by a real python-telegram-bot ``Bot`` (and once by a polling
``Application``), so what these tests check is what the bot's end-to-end tests rely on.
Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import pytest
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.error import BadRequest, InvalidToken, RetryAfter
from telegram.ext import Application, CommandHandler, ContextTypes

from .fake_bot_api import FakeBotAPI
from .telegram_html import (
    MESSAGE_LIMIT,
    parse_telegram_html,
    telegram_text_length,
    utf16_length,
    validate_telegram_html,
)

T = TypeVar("T")
USER = 1001


@pytest.fixture
def api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI() as server:
        yield server


def run_with_bot(api: FakeBotAPI, body: Callable[[Bot], Awaitable[T]], token: str = "") -> T:
    """Run ``body`` with an initialised PTB Bot pointed at the fake server."""

    async def main() -> T:
        bot = Bot(token or api.token, base_url=api.base_url, base_file_url=api.base_file_url)
        async with bot:
            return await body(bot)

    return asyncio.run(main())


def raw_request(
    api: FakeBotAPI, method: str, body: bytes = b"", content_type: str = "", token: str = ""
) -> tuple[int, dict[str, Any]]:
    """POST straight to the server, bypassing PTB, to test encodings and error answers."""
    url = f"{api.base_url}{token or api.token}/{method}"
    request = urllib.request.Request(url, data=body, method="POST")
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


# -- the server, through PTB ---------------------------------------------------------------


def test_get_me_and_urls(api: FakeBotAPI) -> None:
    me = run_with_bot(api, lambda bot: bot.get_me())
    assert me.username == "casebot_test_bot"
    assert me.id == 123456 and me.is_bot
    assert api.base_url == f"http://127.0.0.1:{api.port}/bot"
    assert api.base_file_url == f"http://127.0.0.1:{api.port}/file/bot"
    # Bot.initialize() calls getMe too.
    assert [call.method for call in api.calls] == ["getMe", "getMe"]


def test_wrong_token_is_unauthorized(api: FakeBotAPI) -> None:
    with pytest.raises(InvalidToken):
        run_with_bot(api, lambda bot: bot.get_me(), token="654321:WRONG")
    assert [(e.error_code, e.description) for e in api.errors] == [(401, "Unauthorized")]
    status, payload = raw_request(api, "getMe", token="1:nope")
    assert status == 401
    assert payload == {"ok": False, "error_code": 401, "description": "Unauthorized"}


def test_unknown_method_is_not_found(api: FakeBotAPI) -> None:
    status, payload = raw_request(api, "sendTelepathy")
    assert status == 404
    assert payload == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert api.errors[-1].error_code == 404


def test_send_message_returns_a_real_message(api: FakeBotAPI) -> None:
    api.push_update(api.message("hello"))  # makes the chat known; takes message_id 1
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("更多", callback_data="more:1")]])

    async def body(bot: Bot) -> None:
        first = await bot.send_message(
            USER, "<b>答案</b> &amp; 😀 <i>x</i>", parse_mode="HTML", reply_markup=keyboard
        )
        assert first.message_id == 2
        assert first.text == "答案 & 😀 x"
        assert first.from_user is not None and first.from_user.username == "casebot_test_bot"
        assert first.chat.id == USER and first.chat.type == "private"
        # UTF-16 offsets: the emoji counts twice.
        assert [(e.type, e.offset, e.length) for e in first.entities] == [
            ("bold", 0, 2),
            ("italic", 8, 1),
        ]
        assert first.reply_markup == keyboard
        second = await bot.send_message(USER, "plain", reply_to_message_id=first.message_id)
        assert second.message_id == 3
        assert second.reply_to_message is not None
        assert second.reply_to_message.message_id == 2

    run_with_bot(api, body)
    call = api.wait_for("sendMessage")
    assert call.params["chat_id"] == USER  # decoded from the form string
    assert call.params["reply_markup"] == keyboard.to_dict()
    assert call.params["text"] == "<b>答案</b> &amp; 😀 <i>x</i>"
    assert api.sent_texts(USER) == ["<b>答案</b> &amp; 😀 <i>x</i>", "plain"]
    api.assert_no_errors()


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"text": "a < b", "parse_mode": "HTML"}, "can't parse entities: Unsupported start tag"),
        ({"text": "<b>x</i>", "parse_mode": "HTML"}, "can't parse entities: Unmatched end tag"),
        ({"text": "x" * (MESSAGE_LIMIT + 1)}, "message is too long"),
        ({"text": "😀" * (MESSAGE_LIMIT // 2 + 1)}, "message is too long"),
        ({"text": "<b> </b>", "parse_mode": "HTML"}, "message text is empty"),
        (
            {
                "text": "x",
                "reply_markup": InlineKeyboardMarkup(
                    [[InlineKeyboardButton("b", callback_data="d" * 65)]]
                ),
            },
            "BUTTON_DATA_INVALID",
        ),
        ({"text": "x", "chat_id": 999}, "chat not found"),
    ],
)
def test_send_message_refusals(api: FakeBotAPI, kwargs: dict[str, Any], reason: str) -> None:
    api.push_update(api.message("hi"))
    arguments = {"chat_id": USER, **kwargs}
    with pytest.raises(BadRequest):
        run_with_bot(api, lambda bot: bot.send_message(**arguments))
    [error] = api.errors
    assert error.error_code == 400
    assert error.description.startswith(f"Bad Request: {reason}")
    assert api.calls_of("sendMessage")[0].status == 400


def test_exactly_4096_utf16_units_is_accepted(api: FakeBotAPI) -> None:
    api.push_update(api.message("hi"))
    text = "<b>" + "😀" * (MESSAGE_LIMIT // 2) + "</b>"
    run_with_bot(api, lambda bot: bot.send_message(USER, text, parse_mode="HTML"))
    api.assert_no_errors()


def test_edit_delete_and_not_modified(api: FakeBotAPI) -> None:
    api.push_update(api.message("hi"))
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("a", callback_data="a")]])

    async def body(bot: Bot) -> None:
        sent = await bot.send_message(USER, "draft", reply_markup=keyboard)
        edited = await bot.edit_message_text(
            "<b>final</b>", USER, sent.message_id, parse_mode="HTML"
        )
        assert not isinstance(edited, bool)
        assert edited.text == "final" and edited.edit_date is not None
        assert edited.reply_markup is None  # an edit without reply_markup drops the keyboard
        with pytest.raises(BadRequest, match="not modified"):
            await bot.edit_message_text("<b>final</b>", USER, sent.message_id, parse_mode="HTML")
        await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=keyboard)
        with pytest.raises(BadRequest, match="can't be edited"):
            await bot.edit_message_text("x", USER, 1)  # the user's message
        assert await bot.delete_message(USER, sent.message_id)
        with pytest.raises(BadRequest, match="Message to delete not found"):
            await bot.delete_message(USER, sent.message_id)
        with pytest.raises(BadRequest, match="Message to edit not found"):
            await bot.edit_message_text("x", USER, sent.message_id)

    run_with_bot(api, body)
    assert [m["message_id"] for m in api.chat_history(USER)] == [1]
    assert api.get_message(USER, 2) is None
    assert len(api.errors) == 4


def test_long_poll_returns_when_an_update_is_pushed(api: FakeBotAPI) -> None:
    api.max_poll_wait = 5.0

    def push_later() -> None:
        api.wait_until_polling(timeout=5)
        time.sleep(0.2)
        api.push_update(api.message("late"))

    pusher = threading.Thread(target=push_later)
    pusher.start()

    async def body(bot: Bot) -> tuple[float, tuple[Update, ...], tuple[Update, ...]]:
        started = time.monotonic()
        updates = await bot.get_updates(timeout=5)
        elapsed = time.monotonic() - started
        rest = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
        return elapsed, updates, rest

    elapsed, updates, rest = run_with_bot(api, body)
    pusher.join()
    assert elapsed < 2
    assert [u.message.text for u in updates if u.message] == ["late"]
    assert rest == ()
    assert api.pending_updates() == 0


def test_get_updates_offset_limit_and_allowed_updates(api: FakeBotAPI) -> None:
    ids = [api.push_update(api.message(f"m{i}")) for i in range(3)]
    inline_id = api.push_update(api.inline_query("税"))

    async def body(bot: Bot) -> None:
        first = await bot.get_updates(limit=2)
        assert [u.update_id for u in first] == ids[:2]
        assert api.pending_updates() == 4  # delivered but not confirmed
        rest = await bot.get_updates(offset=ids[1] + 1, allowed_updates=["message"])
        assert [u.update_id for u in rest] == [ids[2]]  # the inline query is filtered out
        assert await bot.get_updates(offset=ids[2] + 1) == ()

    run_with_bot(api, body)
    assert api.pending_updates() == 0
    assert [u["update_id"] for u in api.dropped_updates] == [inline_id]


@pytest.mark.filterwarnings("ignore:Deprecated since version v22.2")
def test_fail_next_gives_retry_after_once(api: FakeBotAPI) -> None:
    api.push_update(api.message("hi"))
    api.fail_next("sendMessage", retry_after=7)

    async def body(bot: Bot) -> None:
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(USER, "x")
        assert "Retry in 7 seconds" in str(caught.value)  # (.retry_after is deprecated)
        await bot.send_message(USER, "x")  # only the next call fails

    run_with_bot(api, body)
    [error] = api.errors
    assert (error.error_code, error.injected) == (429, True)
    api.assert_no_errors()  # injected failures are not the bot's fault


def test_files_download_and_upload(api: FakeBotAPI) -> None:
    content = b"%PDF-1.4\r\n\x00\xff binary"
    update = api.document_message(
        "DOC1", "通知.pdf", "application/pdf", content=content, caption="请看"
    )
    api.push_update(update)

    async def body(bot: Bot) -> None:
        [incoming] = await bot.get_updates()
        assert incoming.message is not None and incoming.message.document is not None
        assert incoming.message.document.file_name == "通知.pdf"
        assert incoming.message.caption == "请看"
        file = await incoming.message.document.get_file()
        assert file.file_size == len(content)
        assert bytes(await file.download_as_bytearray()) == content
        with pytest.raises(BadRequest, match="Invalid file_id"):
            await bot.get_file("nope")
        sent = await bot.send_document(
            USER, b"a,b\r\n1,2\n", filename="结果.csv", caption="<b>CSV</b>", parse_mode="HTML"
        )
        assert sent.document is not None and sent.caption == "CSV"
        again = await bot.get_file(sent.document.file_id)
        assert bytes(await again.download_as_bytearray()) == b"a,b\r\n1,2\n"

    run_with_bot(api, body)
    upload = api.calls_of("sendDocument")[0].files["document"]
    assert (upload.filename, upload.content) == ("结果.csv", b"a,b\r\n1,2\n")
    assert len(api.errors) == 1


def test_commands_chat_action_and_webhook(api: FakeBotAPI) -> None:
    api.push_update(api.message("hi"))
    commands = [BotCommand("ask", "提问"), BotCommand("help", "帮助")]

    async def body(bot: Bot) -> None:
        assert await bot.set_my_commands(commands)
        assert await bot.get_my_commands() == tuple(commands)
        with pytest.raises(BadRequest, match="Bot_command_invalid"):
            await bot.set_my_commands([BotCommand("Ask", "uppercase is invalid")])
        assert await bot.delete_my_commands()
        assert await bot.get_my_commands() == ()
        assert await bot.send_chat_action(USER, "typing")
        assert await bot.set_webhook("https://example.invalid/hook")
        assert (await bot.get_webhook_info()).url == "https://example.invalid/hook"
        with pytest.raises(Exception, match="webhook is active"):
            await bot.get_updates()
        assert await bot.delete_webhook(drop_pending_updates=True)
        assert await bot.get_updates() == ()

    run_with_bot(api, body)
    assert api.my_commands() == []
    assert len(api.dropped_updates) == 1


def test_callback_and_inline_queries(api: FakeBotAPI) -> None:
    api.push_update(api.message("hi"))
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("下一页", callback_data="page:2")]])

    async def body(bot: Bot) -> None:
        sent = await bot.send_message(USER, "page 1", reply_markup=keyboard)
        api.push_update(api.callback_query("page:2"))  # finds the message by its button
        api.push_update(api.inline_query("增值税"))
        updates = await bot.get_updates()
        query = updates[1].callback_query
        assert query is not None and query.data == "page:2"
        assert query.message is not None and query.message.message_id == sent.message_id
        assert await bot.answer_callback_query(query.id, text="ok")
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_callback_query("123")
        inline = updates[2].inline_query
        assert inline is not None and inline.query == "增值税"
        good = InlineQueryResultArticle(
            "1", "t", InputTextMessageContent("<b>ok</b>", parse_mode="HTML")
        )
        assert await bot.answer_inline_query(inline.id, [good])
        bad = InlineQueryResultArticle(
            "2", "t", InputTextMessageContent("1 < 2", parse_mode="HTML")
        )
        with pytest.raises(BadRequest, match=r"(?i)parse entities"):
            await bot.answer_inline_query(inline.id, [bad])

    run_with_bot(api, body)
    assert [e.method for e in api.errors] == ["answerCallbackQuery", "answerInlineQuery"]


def test_wait_for_times_out_with_recent_calls(api: FakeBotAPI) -> None:
    run_with_bot(api, lambda bot: bot.get_me())
    with pytest.raises(AssertionError, match=r"(?s)no matching sendMessage.*getMe"):
        api.wait_for("sendMessage", timeout=0.1)
    mark = api.mark()
    with pytest.raises(AssertionError):
        api.wait_for("getMe", timeout=0.1, after=mark)  # the earlier getMe does not count


def test_stop_is_quick_with_a_long_poll_in_flight() -> None:
    api = FakeBotAPI(max_poll_wait=60).start()
    result: list[int] = []

    def poll() -> None:
        status, _ = raw_request(
            api, "getUpdates", b"timeout=60", "application/x-www-form-urlencoded"
        )
        result.append(status)

    poller = threading.Thread(target=poll)
    poller.start()
    api.wait_until_polling(timeout=5)
    started = time.monotonic()
    api.stop()
    poller.join(timeout=5)
    assert time.monotonic() - started < 1.0
    assert result == [200]


def test_request_encodings(api: FakeBotAPI) -> None:
    api.push_update(api.message("hi"))
    markup = {"inline_keyboard": [[{"text": "a", "callback_data": "x"}]]}
    status, payload = raw_request(
        api,
        "sendMessage",
        json.dumps({"chat_id": USER, "text": "json", "reply_markup": markup}).encode(),
        "application/json",
    )
    assert status == 200 and payload["result"]["text"] == "json"
    form = urllib.parse.urlencode(
        {"chat_id": str(USER), "text": "[1, 2]", "reply_markup": json.dumps(markup)}
    )
    status, payload = raw_request(
        api, "sendMessage", form.encode(), "application/x-www-form-urlencoded"
    )
    assert status == 200
    boundary = "XyZ"
    multipart = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n{USER}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n42\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="disable_notification"\r\n\r\n'
        f"true\r\n--{boundary}--\r\n"
    ).encode()
    status, payload = raw_request(
        api, "sendMessage", multipart, f"multipart/form-data; boundary={boundary}"
    )
    assert status == 200
    sends = api.calls_of("sendMessage")
    assert sends[0].params["reply_markup"] == markup
    assert sends[1].params == {"chat_id": USER, "text": "[1, 2]", "reply_markup": markup}
    assert sends[2].params == {"chat_id": USER, "text": "42", "disable_notification": True}
    status, payload = raw_request(api, "sendMessage", b"{not json", "application/json")
    assert status == 400 and payload["description"].startswith("Bad Request:")
    assert api.server_errors == []


GARBAGE: list[dict[str, Any]] = [
    {},
    dict.fromkeys(["chat_id", "text", "message_id", "reply_markup", "results", "commands"]),
    {
        "chat_id": [USER],
        "text": {"a": 1},
        "message_id": "x",
        "reply_markup": [1],
        "callback_query_id": [1],
        "inline_query_id": {"a": 1},
        "results": [{"id": [1], "type": 5}, "x"],
        "commands": [{"command": 5}],
        "action": ["typing"],
        "file_id": [1],
        "document": 5,
        "offset": "abc",
        "limit": -5,
        "timeout": "x",
        "allowed_updates": "message",
        "scope": [1],
        "url": 5,
        "caption": [1],
        "parse_mode": 5,
        "reply_parameters": {"message_id": [1]},
        "drop_pending_updates": "maybe",
    },
    {
        "chat_id": USER,
        "text": "ok",
        "message_id": 1,
        "reply_markup": {"inline_keyboard": [["not a button"], 5]},
        "reply_parameters": {"message_id": {"x": 1}},
        "results": [{"id": "1", "type": "article", "input_message_content": {"x": 1}}],
    },
]


@pytest.mark.parametrize("params", GARBAGE)
def test_garbage_never_crashes_the_server(api: FakeBotAPI, params: dict[str, Any]) -> None:
    api.push_update(api.message("hi"))
    api.push_update(api.callback_query("x", message_id=1))
    methods = [m for m in api.method_names() if m != "getUpdates"]
    for method in [*methods, "getUpdates"]:
        status, payload = raw_request(api, method, json.dumps(params).encode(), "application/json")
        assert payload["ok"] is (status == 200), (method, payload)
    status, payload = raw_request(api, "sendMessage", b"\xff\xfe=\x00", "x-unknown/type")
    assert status == 400
    assert api.server_errors == []


def test_message_builder_generates_telegram_entities(api: FakeBotAPI) -> None:
    text = "😀 /ask@casebot_test_bot 税率? @casebot_test_bot /help"
    update = api.message(text, chat_type="supergroup", user_id=7, username="bob")
    message = update["message"]
    assert message["chat"]["type"] == "supergroup" and message["chat"]["id"] < 0
    assert message["from"]["username"] == "bob"
    assert message["entities"] == [
        {"type": "bot_command", "offset": 3, "length": 21},
        {"type": "mention", "offset": 29, "length": 17},
        {"type": "bot_command", "offset": 47, "length": 5},
    ]
    parsed = Update.de_json(dict(update, update_id=1), None)
    assert parsed.message is not None
    assert list(parsed.message.parse_entities().values()) == [
        "/ask@casebot_test_bot",
        "@casebot_test_bot",
        "/help",
    ]
    # Not commands: inside a word, or a path.
    assert "entities" not in api.message("a/b and /x/y")["message"]


def test_application_polls_answers_and_confirms(api: FakeBotAPI) -> None:
    """The flow the bot's own end-to-end tests depend on, with an in-process Application."""

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_html(f"<b>你好</b>, {context.args}")

    async def main() -> None:
        app = (
            Application.builder()
            .token(api.token)
            .base_url(api.base_url)
            .base_file_url(api.base_file_url)
            .build()
        )
        app.add_handler(CommandHandler("start", start))
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0, timeout=5)
            await asyncio.to_thread(api.wait_until_polling, 5)
            mark = api.mark()
            api.push_update(api.message("/start x"))
            call = await asyncio.to_thread(api.wait_for, "sendMessage", None, 5, mark)
            assert call.params["text"] == "<b>你好</b>, ['x']"
            await app.updater.stop()
            await app.stop()

    asyncio.run(main())
    assert api.pending_updates() == 0  # the final getUpdates confirmed the update
    api.assert_no_errors()


# -- the HTML validator --------------------------------------------------------------------

VALID_HTML = [
    "plain text, no markup",
    "<b>bold</b> <strong>bold</strong> <i>i</i> <em>em</em> <u>u</u> <ins>ins</ins>",
    "<s>s</s> <strike>strike</strike> <del>del</del> <tg-spoiler>sp</tg-spoiler>",
    '<span class="tg-spoiler">spoiler</span>',
    '<a href="https://example.com/?a=1&amp;b=2">link</a>',
    "<a href='http://example.com'>single quotes</a>",
    "<code>x &lt; y</code>",
    "<pre>block</pre>",
    '<pre><code class="language-python">print("hi")</code></pre>',
    "<blockquote>quote</blockquote>",
    "<blockquote expandable>long quote</blockquote>",
    '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
    "&lt;tag&gt; &amp; &quot;quoted&quot; &#39; &#x27; &#20013;",
    "<b>bold <i>bold italic <u>and underlined</u></i></b>",
    "<B>upper-case tag names</B>",
    "<b>closing with empty tag</>",
    "a > b is fine, as in Telegram",
    "<blockquote><b>法规</b>\n第一条……</blockquote>",
    "",
]

INVALID_HTML = [
    ("a < b", 'Unsupported start tag "" at byte offset 2'),
    ("<div>x</div>", 'Unsupported start tag "div"'),
    ("<br/>", 'Unsupported start tag "br/"'),
    ("<b>never closed", "Can't find end tag corresponding to start tag b"),
    ("closed </b> never opened", "Unexpected end tag at byte offset 7"),
    ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
    ("<b", "Unclosed start tag"),
    ("<b>x</b", "Unclosed end tag"),
    ("AT&T", 'Unescaped "&"'),
    ("&nbsp;", 'Unescaped "&"'),
    ("&amp no semicolon", 'Unescaped "&"'),
    ("&#0;", 'Unescaped "&"'),
    ("&#xD800;", 'Unescaped "&"'),
    ('<a href="x" target="_blank">y</a>', 'Unsupported attribute "target"'),
    ("<a href=https://x.com>y</a>", "Unexpected end of name token"),
    ("<a href>y</a>", "Expected equal sign"),
    ('<span class="other">x</span>', 'Tag "span" must have class "tg-spoiler"'),
    ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
    ('<tg-emoji emoji-id="abc">x</tg-emoji>', "Invalid custom emoji identifier"),
    ("<code><b>x</b></code>", 'Tag "b" inside "code"'),
    ("<pre><i>x</i></pre>", 'Tag "i" inside "pre"'),
    ("<blockquote><blockquote>x</blockquote></blockquote>", "Blockquote inside a blockquote"),
    ('<a href="https://a.b"><a href="https://c.d">x</a></a>', "Link inside a link"),
    ("中文<x>", 'Unsupported start tag "x" at byte offset 6'),  # offsets count UTF-8 bytes
]


@pytest.mark.parametrize("text", VALID_HTML)
def test_valid_html(text: str) -> None:
    validate_telegram_html(text)


@pytest.mark.parametrize(("text", "reason"), INVALID_HTML)
def test_invalid_html(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as caught:
        validate_telegram_html(text)
    assert reason in str(caught.value)


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("", 0),
        ("abc", 3),
        ("<b>abc</b>", 3),
        ("&lt;&amp;&gt;", 3),
        ("中文", 2),
        ("😀", 2),  # outside the BMP: a surrogate pair
        ("&#128512;", 2),
        ('<a href="https://very.long/url">x</a>', 1),
    ],
)
def test_telegram_text_length(text: str, length: int) -> None:
    assert telegram_text_length(text) == length


def test_plain_length_and_parsed_entities() -> None:
    assert telegram_text_length("<b>", html=False) == 3
    assert utf16_length("a😀") == 3
    parsed = parse_telegram_html(
        '😀<a href="https://x.y">链接</a><pre><code class="language-py">z</code></pre>'
    )
    assert parsed.text == "😀链接z"
    assert parsed.entities == [
        {"type": "text_link", "offset": 2, "length": 2, "url": "https://x.y"},
        {"type": "pre", "offset": 4, "length": 1, "language": "py"},
    ]
