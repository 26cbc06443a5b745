"""The index schema's version: bumped whenever the tables change shape, or what the
indexer derives into them does (document structure, facts) — an older index is rebuilt.

Kept apart from ``indexer.models`` so that reading an index does not import
the ORM (it costs a cold ``casebot ask`` a noticeable share of its start-up).
"""

SCHEMA_VERSION = "8"
