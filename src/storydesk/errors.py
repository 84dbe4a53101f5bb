"""Every error storydesk raises, with a code and a message a person can act on.

The CLI prints ``storydesk: error E003: <message>`` on one line and exits non-zero; the
Python API raises these typed errors. Messages live here, in one catalogue.
"""

from __future__ import annotations


class StorydeskError(Exception):
    """Base class: ``code`` is stable, ``str(err)`` is the message to show a person."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class InputError(StorydeskError):
    """The input cannot be analysed as a news report."""

    code = "E100"
    exit_code = 2


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class InputTooLargeError(InputError):
    code = "E103"


class NotEnglishError(InputError):
    code = "E104"


class NoArticleBodyError(InputError):
    code = "E105"


class UnreadableSourceError(InputError):
    code = "E106"


class BadRecordError(InputError):
    code = "E107"


class BadDateError(InputError):
    code = "E108"


class ModelNotInstalledError(StorydeskError):
    code = "E200"
    exit_code = 3


class ConfigError(StorydeskError):
    code = "E300"
    exit_code = 2


def empty_input(source: str) -> EmptyInputError:
    return EmptyInputError(f"{source} has no text to analyse (it is empty or only whitespace).")


def binary_input(source: str) -> BinaryInputError:
    return BinaryInputError(f"{source} looks like a binary file, not text or HTML; give a .txt, .html or .jsonl file.")


def too_large(source: str, size: int, limit: int) -> InputTooLargeError:
    return InputTooLargeError(
        f"{source} is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit for one report; "
        "split it, or raise the limit with --max-bytes."
    )


def not_english(source: str, score: float) -> NotEnglishError:
    return NotEnglishError(
        f"{source} does not look like English (English function words: {score:.0%} of words); "
        "storydesk analyses English reports only. Use --force-language to analyse it anyway."
    )


def no_article_body(source: str) -> NoArticleBodyError:
    return NoArticleBodyError(
        f"{source} is HTML but no article body was found in it (a front page, a login wall, "
        "or an empty template?); save the article page itself, or pass its text."
    )


def unreadable(source: str, reason: str) -> UnreadableSourceError:
    return UnreadableSourceError(f"cannot read {source}: {reason}")


def bad_record(source: str, line: int, reason: str) -> BadRecordError:
    return BadRecordError(f"{source} line {line}: {reason}")


def bad_date(value: str) -> BadDateError:
    return BadDateError(f"publication date {value!r} is not a date; give it as YYYY-MM-DD (for example 2022-02-01).")


def model_not_installed(package: str, error: str) -> ModelNotInstalledError:
    return ModelNotInstalledError(
        f"the spaCy model package {package!r} is not installed ({error}); "
        "run `make setup` or `pip install -e .` in the project to install it."
    )


class BadCatalogueError(ConfigError):
    code = "E301"


def bad_catalogue(source: str, reason: str) -> BadCatalogueError:
    return BadCatalogueError(
        f"event catalogue {source} cannot be used: {reason}. "
        'Give a JSON object {"types": [{"type": ..., "verbs"/"nouns"/"phrases": [...]}]}; '
        "see storydesk/data/events.json for the fields."
    )
