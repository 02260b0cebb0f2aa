"""One error hierarchy for litkg.

Every error names *where* the problem is (file, line, field, claim) and *what to do*,
so the CLI can print it as-is and a curator or researcher can act on it without a traceback.
"""

from __future__ import annotations


class LitkgError(Exception):
    """Base class: a problem the user can act on.

    ``where`` is a file path, ``file:line`` or a claim IRI; ``hint`` says what to do next.
    """

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class IngestError(LitkgError):
    """A document could not be read (binary, empty, undecodable, malformed, too large)."""


class MetadataError(LitkgError):
    """A sidecar or manifest entry is malformed."""


class ExtractionError(LitkgError):
    """The extraction pipeline failed on one document."""


class StoreError(LitkgError):
    """The store is missing, locked or could not be written."""


class QueryError(LitkgError):
    """A named query is unknown, a parameter is missing, or SPARQL does not parse."""


class ValidationError(LitkgError):
    """The graph violates the SHACL shapes."""


class CurationError(LitkgError):
    """A curation action or a curation log line is invalid."""


class EvaluationError(LitkgError):
    """A gold or benchmark file cannot be read for evaluation."""
