"""Text kept compressed in the database: ``zlib`` bytes written, ``str`` read back.

Case files are JSON in which every evidence span repeats its article id and text: 76 kB for a
900-word report (``benchmarks/results/store_10k_partial.json``: 316 of a 486 MB desk).
They compress about tenfold and are read whole, one article at a time, never searched inside,
so the column is ``LargeBinary`` and the type turns values both ways; code reading
``case_files.body`` sees the JSON text as before.
"""

from __future__ import annotations

import zlib

from sqlalchemy.engine import Dialect
from sqlalchemy.types import LargeBinary, TypeDecorator

LEVEL = 6  # zlib's default: within a few per cent of level 9 on case files, at a fraction of the time


def pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), LEVEL)


def unpack(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8")


class PackedText(TypeDecorator[str]):
    """A ``str`` column stored as zlib-compressed UTF-8 bytes."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> bytes | None:
        return None if value is None else pack(value)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> str | None:
        return None if value is None else unpack(bytes(value))
