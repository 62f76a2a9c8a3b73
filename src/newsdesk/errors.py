"""The one exception tree. Messages name the thing and the fix.

NewsdeskError
├── InputError        an input path/file/record cannot be used (missing, binary, too big, ...)
├── ExtractionError   HTML/text yielded no article text
├── ModelUnavailable  an optional model or extra is not installed (message has the install hint)
├── FetchError        a URL/feed could not be fetched safely (issue: live ingest)
├── StoreError        the persistent store failed or is locked/corrupt
└── ConfigError       a setting is invalid
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Root of every error newsdesk raises on purpose."""

    exit_code = 1


class InputError(NewsdeskError):
    """An input cannot be used; ``source`` names it."""

    exit_code = 2

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class ExtractionError(InputError):
    """An input was readable but held no article text."""


class ModelUnavailable(NewsdeskError):
    """An optional model or dependency is missing."""

    def __init__(self, what: str, hint: str) -> None:
        self.what = what
        self.hint = hint
        super().__init__(f"{what} is not available: {hint}")


class FetchError(NewsdeskError):
    """A network fetch failed or was refused (robots, private address, size, type, ...)."""


class StoreError(NewsdeskError):
    """The persistent store failed."""


class ConfigError(NewsdeskError):
    """A setting is invalid."""

    exit_code = 2
