"""The Telegram channel: a thin python-telegram-bot v22 layer over :class:`bot.service.Casebot`.

* :mod:`bot.telegram.app` — building and running the ``Application`` (polling or
  webhook), logging with the token scrubbed, clean shutdown;
* :mod:`bot.telegram.handlers` — updates → the answer core → replies;
* :mod:`bot.telegram.format` — Telegram HTML, keyboards, splitting;
* :mod:`bot.telegram.callbacks` — inline-button data;
* :mod:`bot.telegram.ratelimit` — the per-user limit.

Importing this package is cheap; ``telegram`` is imported by the submodules.
"""
