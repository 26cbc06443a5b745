"""The Telegram channel: a thin python-telegram-bot v22 layer over :class:`bot.service.Casebot`.

* :mod:`bot.telegram.app` — building and running the ``Application`` (polling or
  webhook), logging with the token scrubbed, clean shutdown;
* :mod:`bot.telegram.handlers` — updates → the answer core → replies;
* :mod:`bot.telegram.state` — what the handlers share, sending, the allow-list and the
  per-user limit (:mod:`bot.ratelimit`, shared with the web page);
* :mod:`bot.telegram.uploads` — the admins' upload and re-index;
* :mod:`bot.telegram.format` — Telegram HTML and keyboards, on the rich-text model of
  :mod:`bot.telegram.richtext` (splitting included);
* :mod:`bot.telegram.callbacks` — inline-button data;
* :mod:`bot.telegram.connect` — reaching the Bot API at start.

Importing this package is cheap; ``telegram`` is imported by the submodules.
"""
