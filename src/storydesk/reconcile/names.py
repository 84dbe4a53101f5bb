"""Person names for cross-report matching: normalised parts, spelling variants, compatibility.

What it decides: whether two name forms from different reports may be one person
(``Leon McCaskie`` / ``Leon Mccaskie`` / ``McCaskre``), and whether two given names clash
(``Mohammed Rahman`` / ``Tasnime Rahman``). It does not decide identity alone: the cast
merge weighs roles, ages and relations too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from storydesk import conventions

_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "al", "el", "bin", "ibn"}
)
# Generational suffixes and post-nominal letters (`Simon Ferreira KC`: the surname is Ferreira,
# not KC; two barristers both KC are not one person with two first names).
_SUFFIXES = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "junior", "senior"}
    | {"kc", "qc", "mp", "msp", "mep", "mla", "jp", "obe", "mbe", "cbe", "kbe", "dbe", "frs", "phd"}
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed: ``O’Néill`` -> ``oneill``."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"['’`]", "", bare).casefold()


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    words: set[str] = set()
    for form in conventions.titles():
        words.update(fold(w).strip(".") for w in form.split())
    return frozenset(words)


@dataclass(frozen=True)
class NameParts:
    """A name split into given names and surname, folded; titles dropped."""

    given: tuple[str, ...]
    surname: str

    @property
    def full(self) -> str:
        return " ".join((*self.given, self.surname))


def parts(name: str) -> NameParts | None:
    """``Det Insp Rachel Amberley`` -> (("rachel",), "amberley"); ``None`` when no name word."""
    words = [fold(w) for w in _WORD.findall(name)]
    titles = _title_words()
    while words and words[0].strip(".") in titles:
        words.pop(0)
    while words and words[-1] in _SUFFIXES:
        words.pop()
    if not words:
        return None
    # Surname particles stay with the surname: "Ludwig van Beethoven" -> surname "van beethoven".
    cut = len(words) - 1
    while cut > 0 and words[cut - 1] in _PARTICLES:
        cut -= 1
    return NameParts(given=tuple(words[:cut]), surname=" ".join(words[cut:]))


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def surnames_match(a: str, b: str) -> bool:
    """Same surname or a plausible misspelling of it.

    One edit is allowed for surnames of five letters or more (``mccaskie`` / ``mccaskre``), two
    for ten or more; shorter surnames must match exactly (``Lee`` / ``Lea`` are different
    people more often than typos). The first letter must agree. These limits are rules, not
    tuned: the fictional gold stories' misspellings are all one edit in six-plus letters.
    """
    if a == b:
        return True
    if not a or not b or a[0] != b[0]:
        return False
    shortest = min(len(a), len(b))
    allowed = 2 if shortest >= 10 else 1 if shortest >= 5 else 0
    return allowed > 0 and edit_distance(a, b, allowed) <= allowed


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names that can belong to one person: equal, missing, an initial, or a prefix (Jo/Joanna)."""
    if not a or not b:
        return True
    x, y = a[0].strip("."), b[0].strip(".")
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    if _sound(x) == _sound(y):
        return True
    short, long_ = sorted((x, y), key=len)
    return (len(short) >= 3 and long_.startswith(short)) or (edit_distance(x, y, 1) <= 1 and min(len(x), len(y)) >= 5)


def _sound(given: str) -> str:
    """A spelling-blind key for given names written two ways (Stephen / Steven, Philip /
    Phillip): ``ph`` and ``v`` as ``f``, doubled letters once. A rule of English spelling."""
    key = given.replace("ph", "f").replace("v", "f")
    return re.sub(r"(.)\1+", r"\1", key)


def given_clash(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Both give a first name and they cannot be the same one."""
    return bool(a) and bool(b) and not given_compatible(a, b)


# Title kinds that are one ladder of ranks: a US police lieutenant is written with a military
# title (`Lt. Kevin Doherty`), a police sergeant with a police one; one person holds one rank.
_RANK_KINDS = frozenset({"police", "military"})


@lru_cache(maxsize=1)
def _title_kind_table() -> dict[str, str]:
    return {t.full: t.kind for t in conventions.titles().values()}


def title_kind(title: str) -> str:
    """The kind of a title (full form) for comparison: ``rank`` for police and military ranks,
    else its kind in the title table (``academic``, ``courtesy``, ...), ``other`` when unknown."""
    kind = _title_kind_table().get(title, "other")
    return "rank" if kind in _RANK_KINDS else kind
