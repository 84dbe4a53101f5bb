"""Bytes to text: UTF-8 first, other encodings detected, binary refused."""

from __future__ import annotations

import charset_normalizer

from storydesk import errors

# Share of bytes in the first 8 KB that are control characters (other than tab, CR, LF, FF)
# above which input is treated as binary. Text files, including mis-decoded ones, sit well
# under 1%; PDFs, images, zip and office files are far over 10%.
_BINARY_CONTROL_SHARE = 0.10


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > _BINARY_CONTROL_SHARE


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding name). Raises BinaryInputError for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if looks_binary(data):
        raise errors.binary_input(source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise errors.binary_input(source)
    return str(best), best.encoding
