"""Telegram's HTML parse mode, modelled for tests: validation, visible text, length.

This module owns the test suite's model of how the Telegram Bot API parses a message sent
with ``parse_mode="HTML"``.  It follows tdlib's ``parse_html`` (the parser behind the Bot
API): the same tag set, the same attribute syntax, the same error messages (so the fake
server can answer ``Bad Request: can't parse entities: <reason>`` exactly like Telegram),
and entity offsets/lengths in UTF-16 code units.

It is deliberately *stricter* than Telegram where Telegram silently accepts something its
documentation forbids, or silently throws formatting away, because in a test either is a
bug in the bot:

* a ``&`` that does not start ``&lt;`` ``&gt;`` ``&amp;`` ``&quot;`` or a numeric entity
  (``&#NNN;``/``&#xHH;``), and an entity without its ``;`` (Telegram keeps them literally,
  but the docs require every ``&`` to be escaped, so one is almost always un-escaped text);
* attributes Telegram ignores (anything but ``a href``, ``code class="language-…"``,
  ``span class="tg-spoiler"``, ``tg-emoji emoji-id`` and ``blockquote expandable``);
* tags inside ``code``/``pre`` (other than ``<pre><code class=…>``), a blockquote inside a
  blockquote and a link inside a link: Telegram drops such nested entities without an error.

Public API: :func:`validate_telegram_html`, :func:`parse_telegram_html`,
:func:`telegram_text_length`, :func:`utf16_length` and :data:`MESSAGE_LIMIT`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

MESSAGE_LIMIT = 4096
"""Maximum length of a message text, in UTF-16 code units after entity parsing."""

CAPTION_LIMIT = 1024
"""Maximum length of a media caption, counted the same way."""

# tdlib's is_space(); '\0' is left out because Python strings end by length, not by NUL.
_SPACES = frozenset(" \t\r\n\v\f")

_SUPPORTED_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
        "tg-spoiler", "tg-emoji", "span", "pre", "code", "blockquote",
    }
)  # fmt: skip

# Attributes Telegram actually uses; tdlib ignores all others, we reject them (see docstring).
_ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "code": frozenset({"class"}),
    "span": frozenset({"class"}),
    "tg-emoji": frozenset({"emoji-id"}),
    "blockquote": frozenset({"expandable"}),
}

_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}

# Named entities are case-sensitive in tdlib ("&LT;" is not an entity).  tdlib rejects numeric
# references of 10 or more characters counted from "&", hence at most 7 decimal / 6 hex digits.
_ENTITY_RE = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
# Unquoted attribute values are HTML "name tokens": letters, digits, periods and hyphens.
_NAME_TOKEN_RE = re.compile(r"[A-Za-z0-9.\-]*")
_INT64_MAX = 2**63 - 1


@dataclass(frozen=True)
class ParsedText:
    """What Telegram makes of an HTML message: the visible text and its entities."""

    text: str
    # Bot API MessageEntity dicts: {"type", "offset", "length", ...}, UTF-16 offsets.
    entities: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _OpenTag:
    name: str
    attributes: dict[str, str]
    utf16_offset: int  # where the entity starts in the visible text
    text_index: int  # the same position as an index into the visible text (code points)
    byte_offset: int  # where the start tag is in the source, for error messages


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit of all Telegram lengths/offsets."""
    # Characters outside the Basic Multilingual Plane take a surrogate pair.
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def validate_telegram_html(text: str) -> None:
    """Raise ``ValueError`` (with Telegram's reason where it has one) unless Telegram would
    accept ``text`` with ``parse_mode="HTML"`` and keep all of its formatting."""
    parse_telegram_html(text)


def telegram_text_length(text: str, *, html: bool = True) -> int:
    """The length Telegram checks against :data:`MESSAGE_LIMIT`: tags removed, entities
    decoded, counted in UTF-16 code units.  ``html=False`` measures plain text as is.

    Raises ``ValueError`` if ``html`` is true and the markup is invalid.
    """
    if not html:
        return utf16_length(text)
    return utf16_length(parse_telegram_html(text).text)


def parse_telegram_html(text: str) -> ParsedText:
    """Parse ``text`` like Telegram's HTML parse mode; raise ``ValueError`` if invalid."""
    return _Parser(text).parse()


class _Parser:
    """A single-use parser; mirrors tdlib's loop so error positions and messages match."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.n = len(source)
        self.i = 0
        self.out: list[str] = []
        self.out_len = 0  # code points appended to out
        self.utf16 = 0  # UTF-16 length of out
        self.stack: list[_OpenTag] = []
        self.entities: list[dict[str, Any]] = []

    # -- helpers -------------------------------------------------------------------------

    def byte_offset(self, index: int) -> int:
        # Telegram reports positions as UTF-8 byte offsets into the original text.
        return len(self.src[:index].encode("utf-8", "surrogatepass"))

    def emit(self, chars: str) -> None:
        self.out.append(chars)
        self.out_len += len(chars)
        self.utf16 += utf16_length(chars)

    def skip_spaces(self) -> None:
        while self.i < self.n and self.src[self.i] in _SPACES:
            self.i += 1

    def decode_entity(self) -> str:
        """Decode the entity at ``self.i`` (which is ``&``) and advance past it."""
        match = _ENTITY_RE.match(self.src, self.i)
        decoded: str | None = None
        if match is not None:
            named, decimal, hexadecimal = match.groups()
            if named is not None:
                decoded = _NAMED_ENTITIES[named]
            else:
                code = int(decimal, 10) if decimal is not None else int(hexadecimal, 16)
                # tdlib refuses 0 and >= 0x10FFFF; a lone surrogate makes the text invalid UTF-8.
                if 0 < code < 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                    decoded = chr(code)
        if decoded is None or match is None:
            raise ValueError(
                f'Unescaped "&" at byte offset {self.byte_offset(self.i)}: write "&amp;"; only '
                "&lt; &gt; &amp; &quot; and numeric entities ending in ';' are supported"
            )
        self.i = match.end()
        return decoded

    # -- main loop -----------------------------------------------------------------------

    def parse(self) -> ParsedText:
        src = self.src
        while self.i < self.n:
            ch = src[self.i]
            if ch == "&":
                self.emit(self.decode_entity())
            elif ch != "<":
                start = self.i
                # Copy a run of ordinary characters at once.
                while self.i < self.n and src[self.i] not in "&<":
                    self.i += 1
                self.emit(src[start : self.i])
            elif self.i + 1 < self.n and src[self.i + 1] == "/":
                self.end_tag()
            else:
                self.start_tag()
        if self.stack:
            # Telegram's wording, including the bare tag name.
            raise ValueError(f"Can't find end tag corresponding to start tag {self.stack[-1].name}")
        for entity in self.entities:
            if entity["type"] == "code":
                # A language only survives on <pre><code class="language-x">; tdlib drops it
                # from a plain code entity.
                entity.pop("language", None)
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return ParsedText("".join(self.out), self.entities)

    def start_tag(self) -> None:
        src = self.src
        begin = self.i
        self.i += 1
        while self.i < self.n and src[self.i] not in _SPACES and src[self.i] != ">":
            self.i += 1
        if self.i >= self.n:
            raise ValueError(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
        name = src[begin + 1 : self.i].lower()
        if name not in _SUPPORTED_TAGS:
            # A bare "<" lands here too, as tag "" (e.g. "a < b"), exactly as in Telegram.
            raise ValueError(
                f'Unsupported start tag "{name}" at byte offset {self.byte_offset(begin)}'
            )
        attributes = self.attributes(name, begin)
        self.check_tag(name, attributes, begin)
        self.stack.append(
            _OpenTag(name, attributes, self.utf16, self.out_len, self.byte_offset(begin))
        )

    def attributes(self, tag: str, begin: int) -> dict[str, str]:
        src = self.src
        attributes: dict[str, str] = {}
        while True:
            self.skip_spaces()
            if self.i >= self.n:
                raise ValueError(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
            if src[self.i] == ">":
                self.i += 1
                return attributes
            name_start = self.i
            while self.i < self.n and src[self.i] not in _SPACES and src[self.i] not in "=>":
                self.i += 1
            name = src[name_start : self.i]
            if not name:
                raise ValueError(
                    f'Empty attribute name in the tag "{tag}" at byte offset '
                    f"{self.byte_offset(begin)}"
                )
            self.skip_spaces()
            if self.i >= self.n:
                raise ValueError(
                    f'Unclosed start tag "{tag}" at byte offset {self.byte_offset(begin)}'
                )
            if src[self.i] != "=":
                # The one attribute Telegram accepts without a value: <blockquote expandable>.
                if tag == "blockquote" and name == "expandable":
                    attributes[name] = ""
                    continue
                raise ValueError(
                    f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                    f"at byte offset {self.byte_offset(begin)}"
                )
            self.i += 1
            self.skip_spaces()
            if self.i >= self.n:
                raise ValueError(
                    f'Unclosed start tag "{tag}" at byte offset {self.byte_offset(begin)}'
                )
            value = self.attribute_value()
            if self.i >= self.n:
                raise ValueError(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
            if name not in _ALLOWED_ATTRIBUTES.get(tag, frozenset()):
                raise ValueError(
                    f'Unsupported attribute "{name}" in the tag "{tag}" at byte offset '
                    f"{self.byte_offset(begin)} (Telegram ignores it)"
                )
            attributes[name] = value

    def attribute_value(self) -> str:
        src = self.src
        quote = src[self.i]
        if quote not in "\"'":
            token_start = self.i
            match = _NAME_TOKEN_RE.match(src, self.i)
            assert match is not None  # the pattern matches the empty string
            self.i = match.end()
            if self.i < self.n and src[self.i] not in _SPACES and src[self.i] != ">":
                raise ValueError(
                    f"Unexpected end of name token at byte offset {self.byte_offset(token_start)}"
                )
            # Name tokens are case-insensitive, so tdlib lower-cases them.
            return src[token_start : self.i].lower()
        self.i += 1
        value: list[str] = []
        while self.i < self.n and src[self.i] != quote:
            if src[self.i] == "&":
                value.append(self.decode_entity())
            else:
                value.append(src[self.i])
                self.i += 1
        if self.i < self.n:
            self.i += 1  # the closing quote
        return "".join(value)

    def check_tag(self, name: str, attributes: dict[str, str], begin: int) -> None:
        where = f"at byte offset {self.byte_offset(begin)}"
        if name == "span" and attributes.get("class") != "tg-spoiler":
            raise ValueError(f'Tag "span" must have class "tg-spoiler" {where}')
        if name == "code" and not attributes.get("class", "language-").startswith("language-"):
            raise ValueError(
                f'Tag "code" may only have class "language-…" {where} (Telegram ignores it)'
            )
        if name == "tg-emoji":
            emoji_id = attributes.get("emoji-id", "")
            if not (emoji_id.isascii() and emoji_id.isdigit() and 0 < int(emoji_id) <= _INT64_MAX):
                raise ValueError("Invalid custom emoji identifier specified")
        # Nesting that Telegram accepts but silently strips (see the module docstring).
        open_names = [tag.name for tag in self.stack]
        if "code" in open_names:
            raise ValueError(f'Tag "{name}" inside "code" {where}: Telegram drops it')
        if "pre" in open_names and not (name == "code" and open_names[-1] == "pre"):
            raise ValueError(
                f'Tag "{name}" inside "pre" {where}: only <code class="language-…"> is allowed'
            )
        if name == "blockquote" and "blockquote" in open_names:
            raise ValueError(f"Blockquote inside a blockquote {where}: Telegram drops it")
        if name == "a" and "a" in open_names:
            raise ValueError(f"Link inside a link {where}: Telegram drops it")

    def end_tag(self) -> None:
        src = self.src
        begin = self.i
        if not self.stack:
            raise ValueError(f"Unexpected end tag at byte offset {self.byte_offset(begin)}")
        self.i += 2
        while self.i < self.n and src[self.i] not in _SPACES and src[self.i] != ">":
            self.i += 1
        end_name = src[begin + 2 : self.i].lower()
        self.skip_spaces()
        if self.i >= self.n or src[self.i] != ">":
            raise ValueError(f"Unclosed end tag at byte offset {self.byte_offset(begin)}")
        self.i += 1
        open_tag = self.stack[-1]
        # "</>" closes whatever is open, as in tdlib.
        if end_name and end_name != open_tag.name:
            raise ValueError(
                f"Unmatched end tag at byte offset {self.byte_offset(begin)}, "
                f'expected "</{open_tag.name}>", found "</{end_name}>"'
            )
        self.stack.pop()
        self.add_entity(open_tag)

    def add_entity(self, tag: _OpenTag) -> None:
        offset = tag.utf16_offset
        length = self.utf16 - offset
        if length <= 0:
            return  # Telegram creates no entity for empty content
        entity: dict[str, Any] = {"offset": offset, "length": length}
        if tag.name in _ENTITY_TYPES:
            entity["type"] = _ENTITY_TYPES[tag.name]
        elif tag.name == "tg-emoji":
            entity["type"] = "custom_emoji"
            entity["custom_emoji_id"] = tag.attributes["emoji-id"]
        elif tag.name == "a":
            # An empty href makes the link text itself the URL.
            url = tag.attributes.get("href") or "".join(self.out)[tag.text_index :]
            entity["type"] = "text_link"
            entity["url"] = url
        elif tag.name == "code":
            entity["type"] = "code"
            language = tag.attributes.get("class", "")[len("language-") :]
            if language:
                entity["language"] = language  # until the enclosing <pre> (if any) takes it
        elif tag.name == "pre":
            entity["type"] = "pre"
            last = self.entities[-1] if self.entities else None
            # <pre><code class="language-x">…</code></pre> is one "pre" entity with a language
            # (and a bare <pre><code> is just "pre": Telegram drops entities inside it).
            if (
                last is not None
                and last["type"] == "code"
                and last["offset"] == offset
                and last["length"] == length
            ):
                self.entities.pop()
                if "language" in last:
                    entity["language"] = last["language"]
        else:  # blockquote
            expandable = "expandable" in tag.attributes
            entity["type"] = "expandable_blockquote" if expandable else "blockquote"
        self.entities.append(entity)
