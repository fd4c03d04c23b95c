"""The one error hierarchy of govkg.

Library code raises these; only the CLI turns them into a one-line message and an exit
code.  Every message says what is wrong and what to do about it.
"""
from __future__ import annotations


class GovkgError(Exception):
    """Base of every error govkg reports to a user (exit code 1)."""

    exit_code = 1


class InputError(GovkgError):
    """A source file cannot be read as minutes (missing, empty, binary, scanned...)."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class StoreError(GovkgError):
    """The store cannot be opened or written."""


class StoreBusyError(StoreError):
    """Another govkg process holds the store for writing."""


class QueryError(GovkgError):
    """A SPARQL query is unknown, malformed, refused (updates) or timed out."""


class QuestionError(GovkgError):
    """`govkg ask` could not map a question to a query."""


class ValidationError(GovkgError):
    """The graph does not conform to the SHACL shapes."""


class UsageError(GovkgError):
    """Options that do not fit together (exit code 2)."""

    exit_code = 2
