"""The web channel: a server-rendered page for citizens and a small HTTP API (FastAPI)."""
