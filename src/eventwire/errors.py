"""Exceptions and the problem record shared by every stage.

Errors that stop a command derive from `EventwireError`; problems with one input record do not
stop anything and are reported as `Problem` values instead, so a run always finishes.
"""
from __future__ import annotations

from dataclasses import dataclass


class EventwireError(Exception):
    """Base class for errors a user can act on; the message says what and where."""


class InputError(EventwireError):
    """An input path or stream cannot be read at all."""


class DataFileError(EventwireError):
    """A bundled or user data file (lexicon, ontology, dictionary) is malformed."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.reason = path, line, message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class DictionaryWarning(UserWarning):
    """A user dictionary loaded, but some of its entries could not be used (named by line)."""


class StoreError(EventwireError):
    """The database file is missing, locked or of an unknown schema version."""


@dataclass(frozen=True)
class Problem:
    """One bad input record: where it is (file and line) and why it was skipped or repaired."""

    origin: str
    line: int | None
    reason: str
    severity: str = "skipped"  # "skipped" (record dropped) or "repaired" (stored with a fix)

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.reason} ({self.severity})"
