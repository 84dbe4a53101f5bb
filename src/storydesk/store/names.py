"""Folding names for lookup: accents, case, apostrophes and punctuation do not matter.

``fold("Séan O’Brien-Hughes") == "sean obrien hughes"``: a lookup of ``obrien``, ``O'Brien``
or ``OBRIEN`` finds him. The words of a folded name are what ``name_tokens`` indexes.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"['’‘`´]")
_NOT_WORD = re.compile(r"[^\w]+|_+")


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = _APOSTROPHES.sub("", bare.casefold())
    return " ".join(_NOT_WORD.sub(" ", bare).split())


def tokens(name: str) -> list[str]:
    """The distinct folded words of a name, in order."""
    return list(dict.fromkeys(fold(name).split()))
