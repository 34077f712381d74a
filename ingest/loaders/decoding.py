"""Bytes to text for text-like files: byte-order mark, UTF-8, GB18030, then charset detection."""
from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import charset_normalizer

from ingest.loaders.files import brief
from ingest.types import IngestError

# UTF-32 before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declared charsets that real files exceed: GBK pages hold GB18030 characters, "Latin-1" pages hold cp1252.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "iso8859-1": "cp1252", "ascii": "cp1252"}
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_JUNK = 0.05
_MIN_CJK_OR_ASCII = 0.9
_SAMPLE = 100_000  # characters enough to judge a file by; counting every one of 50 MB would take seconds


def decode_text(data: bytes, path: Path, *, declared: str | None = None) -> tuple[str, str]:
    """Decode a text file to (text with '\\n' line endings and no BOM, the encoding used)."""
    text, encoding = _decode(data, path, declared)
    if _junk_share(text) > _MAX_JUNK:
        raise IngestError(path, "binary data, not text")
    return normalize_newlines(text.removeprefix("\ufeff")), encoding


def normalize_newlines(text: str) -> str:
    """Turn \\r\\n and lone \\r into \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, path: Path, declared: str | None) -> tuple[str, str]:
    """Pick the encoding: BOM, UTF-16 if there are NULs, the declared charset, UTF-8, GB18030, detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is None:
                raise IngestError(path, f"not valid {encoding} text despite its byte-order mark")
            return text, encoding
    if b"\x00" in data:
        return _decode_utf16(data, path)
    for encoding in filter(None, (_codec(declared), "utf-8")):
        text = _try(data, encoding)
        if text is not None:
            return text, encoding
    text = _try(data, "gb18030")
    if text is not None and _cjk_or_ascii_share(text) >= _MIN_CJK_OR_ASCII:
        return text, "gb18030"
    return _detect(data, path)


def _decode_utf16(data: bytes, path: Path) -> tuple[str, str]:
    """Text with NUL bytes can only be UTF-16 without a BOM: try both byte orders, keep the likelier."""
    decoded = [(text, encoding) for encoding in ("utf-16-le", "utf-16-be") if (text := _try(data, encoding))]
    # ASCII counts double: ASCII read in the wrong byte order turns into CJK ideographs, never the reverse.
    best = max(decoded, key=lambda pair: _cjk_or_ascii_share(pair[0]) + _ascii_share(pair[0]), default=None)
    if best is None or _cjk_or_ascii_share(best[0]) < _MIN_CJK_OR_ASCII:
        raise IngestError(path, "binary data, not text")
    return best


def _detect(data: bytes, path: Path) -> tuple[str, str]:
    """Last resort: let charset-normalizer guess."""
    try:
        best = charset_normalizer.from_bytes(data).best()
    except Exception as exc:  # the detector is third-party code fed arbitrary bytes
        raise IngestError(path, f"cannot detect the text encoding: {brief(exc)}") from exc
    if best is None:
        raise IngestError(path, "binary data, not text")
    return str(best), str(best.encoding)


def _codec(name: str | None) -> str | None:
    """Python's codec name for a declared charset, widened where files exceed it; None if unknown."""
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    if canonical.startswith(("utf-16", "utf-32")):
        return None  # this page has no NULs, so the declaration is wrong (browsers ignore it too)
    return _WIDER.get(canonical, canonical)


def _try(data: bytes, encoding: str) -> str | None:
    """Strictly decode, or None."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _junk_share(text: str) -> float:
    """Share of characters that never appear in real text: control codes, unassigned and private-use."""
    sample = _sample(text)
    junk = sum(1 for c in sample if c not in _TEXT_CONTROLS and unicodedata.category(c) in ("Cc", "Cn", "Co"))
    return junk / len(sample) if sample else 0.0


def _cjk_or_ascii_share(text: str) -> float:
    """Share of characters that are ASCII or from the blocks a Chinese text is made of."""
    sample = _sample(text)
    return sum(1 for c in sample if _is_cjk_or_ascii(ord(c))) / len(sample) if sample else 1.0


def _ascii_share(text: str) -> float:
    """Share of ASCII characters."""
    sample = _sample(text)
    return sum(1 for c in sample if c < "\x80") / len(sample) if sample else 0.0


def _sample(text: str) -> str:
    """Up to _SAMPLE characters spread evenly over the text."""
    return text[:: len(text) // _SAMPLE + 1]


def _is_cjk_or_ascii(code: int) -> bool:
    """ASCII, general punctuation and symbols, CJK ideographs and punctuation, full-width forms."""
    return (
        code < 0x80
        or 0x2000 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )
