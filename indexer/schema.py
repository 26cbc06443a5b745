"""The index schema's version: bumped whenever the tables change shape.

Kept apart from ``indexer.models`` so that reading an index does not import
the ORM (it costs a cold ``casebot ask`` a noticeable share of its start-up).
"""

SCHEMA_VERSION = "7"
