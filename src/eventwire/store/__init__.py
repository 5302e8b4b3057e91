"""The DuckDB store and its exports."""
from eventwire.store.db import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
