"""Settings from the environment and ``.env`` (pydantic-settings), built once in the entry point."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from indexer.storage import db_target, looks_like_url


def is_url(value: object) -> bool:
    return looks_like_url(value)


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("casebot", appauthor=False)) / "casebot.db"


class Settings(BaseSettings):
    # Empty values (KEY= in .env) mean "use the default", as .env.example lists every key.
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8",
                                      extra="ignore", env_ignore_empty=True)

    telegram_bot_token: str | None = None
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_base_file_url: str | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: str | None = None
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = 8443
    telegram_proxy: str | None = None  # http://host:port or socks5://host:port
    telegram_connect_retries: int = 10  # attempts after the first to reach the Bot API at start
    telegram_connect_timeout: float = 10.0  # seconds to wait for an answer
    telegram_retry_max_delay: float = 60.0  # longest wait between attempts (they double)
    telegram_admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    telegram_allowed_chats: Annotated[frozenset[int], NoDecode] = frozenset()
    # A file path (SQLite, the default) or a SQLAlchemy URL (postgresql+psycopg://…).
    casebot_db: Path | str = Field(default_factory=default_db_path)
    casebot_corpus_dir: Path | None = None  # where uploads are stored; default: db dir/uploads
    casebot_user_salt: str = "casebot"
    casebot_rate_limit: int = 20  # questions per user per window
    casebot_rate_window: float = 60.0  # seconds
    casebot_log_level: str = "INFO"
    # The web page (casebot web)
    casebot_admin_token: SecretStr | None = None  # the admin view's token; None: no admin view
    casebot_web_rate_limit: int = 60  # requests per client address per window; 0: no limit
    casebot_web_rate_window: float = 60.0  # seconds
    casebot_web_log_questions: bool = True  # web questions count in the admin charts
    casebot_web_workers: int = Field(default=1, ge=1, le=64)  # answering processes
    # requests on one keep-alive connection before it is handed back (several workers); 0: never
    casebot_web_keepalive_requests: int = Field(default=5, ge=0)

    @field_validator("telegram_admin_ids", "telegram_allowed_chats", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(int(x) for x in value.replace(";", ",").split(",") if x.strip())
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("casebot_db", mode="after")
    @classmethod
    def _path_unless_url(cls, value: Path | str) -> Path | str:
        return db_target(value)

    @property
    def data_dir(self) -> Path:
        """The folder beside the index (uploads go there by default): the database file's
        folder, or the per-user data folder when the index is in a database server."""
        if is_url(self.casebot_db):
            return default_db_path().parent
        return Path(self.casebot_db).resolve().parent

    @property
    def uses_default_db(self) -> bool:
        """The index is at the default place (built on first use), not at a path the user
        named with CASEBOT_DB or --db (which must exist)."""
        return self.casebot_db == default_db_path()

    def user_hash(self, user_id: int) -> str:
        """A salted hash: the log can count users without storing who they are."""
        return hashlib.sha256(f"{self.casebot_user_salt}:{user_id}".encode()).hexdigest()[:32]
