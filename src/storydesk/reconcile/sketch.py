"""Sketches of a report's text for near-duplicate search: word shingles, MinHash, LSH band keys.

A report's *shingles* are the overlapping runs of ``SHINGLE`` words of its cleaned body
(case folded, punctuation dropped, numbers kept, so an edited age or count changes them).
Its MinHash signature (``datasketch``, ``NUM_PERM`` permutations, fixed seed) estimates the
Jaccard similarity of two shingle sets; cut into ``BANDS`` bands of ``ROWS`` values, each
band hashes to one 64-bit *band key*. Two reports share a band key with probability
``1 - (1 - J**ROWS) ** BANDS``: the keys are what the LSH index (in memory, or the desk's
``copy_keys`` table) looks up, so candidates come from shared keys, never from all pairs.
Candidates are then checked exactly (:func:`overlap`): the share of each text found in the
other (containment both ways), so a trimmed copy or a copy wrapped in boilerplate still
counts even where its Jaccard similarity is low.

Deterministic: the same text gives the same keys on every run and machine (seeded
permutations, a keyed BLAKE2 hash of each band).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

SHINGLE = 5
# 32 bands of 4 rows (128 permutations). Tuned on benchmarks/copies_gold.py (gold stories plus
# synthetic trimmed / re-headlined / boilerplate-wrapped / excerpted copies of them, and the
# corpus scale check): every gold and synthetic copy pair shares a key (candidate recall 1.00),
# and in the 10,000-report corpus check candidates are under 0.1% of all pairs (see
# benchmarks/results/copies_gold.json). Fewer rows per band (more candidates) bought no recall.
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 11
# The lead: its first 120 words, in 32 bands of 4 rows, keys salted apart from the whole text's.
# Added for excerpted copies, which the whole-text bands miss (excerpt recall 0.02 at 10,000
# corpus reports without it). Tuned on benchmarks/copies_gold.py: 16 bands of 8 rows found
# 0.75 of the synthetic excerpts of gold reports, 32 of 4 found 0.96 at the same precision
# (1.00), with candidates still 0.15% of all pairs at 2,100 corpus reports.
LEAD_WORDS = 120
LEAD_BANDS = 32
_WORD = re.compile(r"\w+")
_KEY_SALT = b"storydesk-copies-v1"


@dataclass(frozen=True)
class Overlap:
    """How much two texts share: ``shared`` shingles, and the share of each text in the other."""

    shared: int
    share_of_a: float  # of A's shingles, the share found in B
    share_of_b: float

    @property
    def larger_share(self) -> float:
        return max(self.share_of_a, self.share_of_b)


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str, size: int | None = None) -> set[str]:
    """The distinct runs of ``size`` words (a text shorter than that: its words as one shingle)."""
    size = size or SHINGLE
    found = words(text)
    if not found:
        return set()
    if len(found) < size:
        return {" ".join(found)}
    return {" ".join(found[i : i + size]) for i in range(len(found) - size + 1)}


def overlap(a: AbstractSet[str], b: AbstractSet[str]) -> Overlap:
    shared = len(a & b)
    return Overlap(shared, shared / len(a) if a else 0.0, shared / len(b) if b else 0.0)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED)


def signature(found: set[str]) -> np.ndarray:
    """The MinHash signature of a shingle set (``NUM_PERM`` unsigned 32-bit values)."""
    template = _template()
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=template.permutations, scheme=template.scheme)
    minhash.update_batch([s.encode("utf-8") for s in sorted(found)])
    values: np.ndarray = np.asarray(minhash.hashvalues, dtype=np.uint64)
    return values


def band_keys(found: set[str], bands: int | None = None) -> list[int]:
    """One signed 64-bit key per band of the signature (the band's number is part of the key)."""
    bands = bands or BANDS
    if not found:
        return []
    values = signature(found)
    rows = len(values) // bands
    return [_key(values[band * rows : (band + 1) * rows], f"text{band}") for band in range(bands)]


def _key(values: np.ndarray, band: str) -> int:
    digest = hashlib.blake2b(values.tobytes(), digest_size=8, key=_KEY_SALT, person=band.encode()).digest()
    return int.from_bytes(digest, "big", signed=True)


def lead_keys(text: str) -> list[int]:
    """Band keys of the text's lead (its first ``LEAD_WORDS`` words), salted apart from the
    whole text's: copies are cut from the bottom (news is written most important first), so
    an excerpt or a heavily trimmed copy keeps the original's lead even where its Jaccard
    similarity to the whole original is too low for the whole-text bands."""
    lead = " ".join(words(text)[:LEAD_WORDS])
    found = shingles(lead)
    if not found:
        return []
    values = signature(found)
    rows = len(values) // LEAD_BANDS
    return [_key(values[band * rows : (band + 1) * rows], f"lead{band}") for band in range(LEAD_BANDS)]


def text_keys(text: str) -> list[int]:
    """The band keys of a text, whole and lead (what the desk stores with each article)."""
    return band_keys(shingles(text)) + lead_keys(text)
