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


class UnsafeBindError(ConfigError):
    code = "E302"


class RequestError(StorydeskError):
    """A request to ``storydesk serve`` that cannot be served; ``status`` is its HTTP status."""

    code = "E600"
    status = 400


class TokenRequiredError(RequestError):
    code = "E601"
    status = 401


class ForbiddenOriginError(RequestError):
    code = "E602"
    status = 403


class NotFoundError(RequestError):
    code = "E603"
    status = 404


class BodyTooLargeError(RequestError):
    code = "E604"
    status = 413


class InvalidRequestError(RequestError):
    code = "E605"
    status = 422


class RequestTimeoutError(RequestError):
    code = "E606"
    status = 504


class BusyError(RequestError):
    code = "E607"
    status = 503


class FetchError(StorydeskError):
    """A URL or feed could not be fetched, or was refused."""

    code = "E400"
    exit_code = 4


class BadUrlError(FetchError):
    code = "E401"


class AddressRefusedError(FetchError):
    code = "E402"


class HttpStatusError(FetchError):
    code = "E403"


class ResponseTooLargeError(FetchError):
    code = "E404"


class UnsupportedContentError(FetchError):
    code = "E405"


class NetworkError(FetchError):
    code = "E406"


class TooManyRedirectsError(FetchError):
    code = "E407"


class BadFeedError(FetchError):
    code = "E408"


class StoreError(StorydeskError):
    """The desk (the database of reports) cannot do what was asked."""

    code = "E500"
    exit_code = 5


class BadDatabaseUrlError(StoreError):
    code = "E501"
    exit_code = 2


class DatabaseUnavailableError(StoreError):
    code = "E502"


class ArticleNotFoundError(StoreError):
    code = "E503"
    exit_code = 2


class AmbiguousArticleIdError(StoreError):
    code = "E504"
    exit_code = 2


class StoryNotFoundError(StoreError):
    code = "E505"
    exit_code = 2


class BadCorrectionError(StoreError):
    code = "E506"
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


def unsafe_bind(host: str) -> UnsafeBindError:
    return UnsafeBindError(
        f"refusing to serve on {host}: it is reachable from other machines, and writes there need a token; "
        "set STORYDESK_TOKEN to a long random secret (for example `export STORYDESK_TOKEN=$(openssl rand -hex 32)`), "
        "or bind to 127.0.0.1."
    )


def token_required(given: bool) -> TokenRequiredError:
    what = "the token given is wrong" if given else "no token was given"
    return TokenRequiredError(
        f"this server needs a token for writes and {what}; send it as `Authorization: Bearer <STORYDESK_TOKEN>`."
    )


def forbidden_origin(origin: str) -> ForbiddenOriginError:
    return ForbiddenOriginError(
        f"a page from {origin} tried to write to this desk; storydesk accepts writes only from its own pages "
        "and from clients that send no Origin header."
    )


def story_not_found(ref: str) -> NotFoundError:
    return NotFoundError(f"no story {ref!r} on this desk; GET /api/stories lists them (ids start with s-).")


def no_route(path: str) -> NotFoundError:
    return NotFoundError(f"there is nothing at {path}; the API is described at /docs.")


def body_too_large(size: int | None, limit: int) -> BodyTooLargeError:
    got = f"{size:,} bytes" if size is not None else "more"
    return BodyTooLargeError(
        f"the request body is {got}, over this server's limit of {limit:,} bytes; send a shorter report, "
        "or start the server with a larger --max-body-bytes."
    )


def invalid_request(detail: str) -> InvalidRequestError:
    return InvalidRequestError(f"the request is not valid: {detail}")


def request_timeout(seconds: float) -> RequestTimeoutError:
    return RequestTimeoutError(
        f"the request took longer than this server's limit of {seconds:g} s and was stopped; "
        "send a shorter report, or start the server with a larger --timeout."
    )


def busy(seconds: float) -> BusyError:
    return BusyError(
        f"every analysis slot stayed busy for {seconds:g} s; try again in a moment, or start the server "
        "with more --analysis-slots."
    )


def bad_url(url: str, reason: str) -> BadUrlError:
    return BadUrlError(f"{url} is not a URL storydesk can fetch: {reason}.")


def address_refused(url: str, address: str, kind: str) -> AddressRefusedError:
    return AddressRefusedError(
        f"{url} resolves to {address}, a {kind} address; storydesk does not fetch from those "
        "unless --allow-private is given (the desk may run beside services that must stay private)."
    )


def http_status(url: str, status: int, reason: str) -> HttpStatusError:
    return HttpStatusError(f"{url} answered HTTP {status} {reason}".rstrip() + ".")


def response_too_large(url: str, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(f"{url} sent more than {limit / 1e6:.1f} MB; raise the limit with --max-bytes.")


def unsupported_content(url: str, content_type: str) -> UnsupportedContentError:
    return UnsupportedContentError(
        f"{url} is {content_type or 'of no stated type'}, not a web page, text, JSON Lines or a feed."
    )


def network(url: str, reason: str) -> NetworkError:
    return NetworkError(f"cannot fetch {url}: {reason}")


def too_many_redirects(url: str, limit: int) -> TooManyRedirectsError:
    return TooManyRedirectsError(f"{url} redirected more than {limit} times; giving up.")


def bad_feed(source: str, reason: str) -> BadFeedError:
    return BadFeedError(f"{source} is not a readable RSS or Atom feed: {reason}")


def bad_database_url(url: str, reason: str) -> BadDatabaseUrlError:
    return BadDatabaseUrlError(
        f"database {url!r} cannot be used: {reason}; give a file path, sqlite:///path or postgresql://user@host/db "
        "(--db or STORYDESK_DB)."
    )


def database_unavailable(url: str, reason: str) -> DatabaseUnavailableError:
    return DatabaseUnavailableError(f"cannot open the desk at {url}: {reason}")


def article_not_found(article_id: str) -> ArticleNotFoundError:
    return ArticleNotFoundError(f"no article {article_id!r} on the desk; `storydesk articles` lists them.")


def ambiguous_article_id(prefix: str, count: int) -> AmbiguousArticleIdError:
    return AmbiguousArticleIdError(f"{count} articles start with {prefix!r}; give more of the id.")


def no_story(ref: str) -> StoryNotFoundError:
    return StoryNotFoundError(
        f"no story {ref!r} on the desk (give a story id s-..., or the id of one of its reports); "
        "`storydesk stories` lists them."
    )


def bad_correction(message: str) -> BadCorrectionError:
    return BadCorrectionError(message)
