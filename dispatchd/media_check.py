"""What an uploaded file really is, from its own first bytes (never from its name or the sender's type), and a
name safe to store and to give back. Pure logic: no I/O but reading the head the caller passes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

HEAD_BYTES = 64
"""How much of a file `identify` needs."""


@dataclass(frozen=True, slots=True)
class FileType:
    kind: str  # photo, video, audio
    mime: str
    extension: str


_ISO_BRANDS = {  # ISO base media (the `ftyp` box): brand → what it is
    b"heic": FileType("photo", "image/heic", "heic"),
    b"heix": FileType("photo", "image/heic", "heic"),
    b"mif1": FileType("photo", "image/heif", "heif"),
    b"msf1": FileType("photo", "image/heif", "heif"),
    b"avif": FileType("photo", "image/avif", "avif"),
    b"qt  ": FileType("video", "video/quicktime", "mov"),
    b"M4A ": FileType("audio", "audio/mp4", "m4a"),
    b"3gp4": FileType("video", "video/3gpp", "3gp"),
    b"3gp5": FileType("video", "video/3gpp", "3gp"),
}
_MP4 = FileType("video", "video/mp4", "mp4")


def identify(head: bytes) -> FileType | None:
    """The type of a file from its first bytes, or None when it is none this centre accepts."""
    if head.startswith(b"\xff\xd8\xff"):
        return FileType("photo", "image/jpeg", "jpg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileType("photo", "image/png", "png")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return FileType("photo", "image/webp", "webp")
    if head[4:8] == b"ftyp":
        return _ISO_BRANDS.get(head[8:12], _MP4)
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free"):  # QuickTime files from before `ftyp`
        return FileType("video", "video/quicktime", "mov")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        webm = b"webm" in head[:HEAD_BYTES]
        return FileType("video", "video/webm" if webm else "video/x-matroska", "webm" if webm else "mkv")
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return FileType("audio", "audio/wav", "wav")
    if head.startswith((b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")):
        return FileType("audio", "audio/mpeg", "mp3")
    if head.startswith(b"OggS"):
        return FileType("audio", "audio/ogg", "ogg")
    if head.startswith(b"#!AMR"):
        return FileType("audio", "audio/amr", "amr")
    return None


_DANGEROUS = (
    (re.compile(rb"^\s*<(!doctype\s+html|html|head|body|script|iframe)", re.IGNORECASE), "an HTML page"),
    (re.compile(rb"^\s*(<\?xml[^>]*>\s*)?<svg", re.IGNORECASE), "an SVG drawing (it may hold scripts)"),
    (re.compile(rb"^\s*<\?xml", re.IGNORECASE), "an XML document"),
    (re.compile(rb"^#!"), "a script"),
    (re.compile(rb"^%PDF-"), "a PDF document"),
    (re.compile(rb"^\x7fELF|^MZ"), "a program"),
    (re.compile(rb"^PK\x03\x04"), "a ZIP archive"),
)


def refusal(kind: str, head: bytes) -> str | None:
    """Why a file sent as `kind` is refused (None: it is what it says)."""
    found = identify(head)
    if found is not None and found.kind == kind:
        return None
    for pattern, what in _DANGEROUS:
        if pattern.match(head):
            return f"This file is {what}, not a {kind}: it is not accepted."
    if found is not None:
        return f"This file is a {found.kind} ({found.mime}), not a {kind}: send it as a {found.kind}."
    accepted = {
        "photo": "JPEG, PNG, WebP or HEIC",
        "video": "MP4, MOV, WebM or Matroska",
        "audio": "MP3, WAV, Ogg, M4A or AMR",
    }.get(kind, "a known format")
    return f"This file is not a {kind} this centre accepts ({accepted}, read from the file itself)."


def text_refusal(text: str) -> str | None:
    """A text message must be text: no NUL, no other control characters but line breaks and tabs."""
    bad = [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t"]
    return "This text holds control characters: it is not accepted." if bad else None


_UNSAFE = re.compile(r"[^\w.\- ()]+", re.UNICODE)


def safe_name(sent: str | None, file_type: FileType | None, fallback: str) -> str:
    """A stored name made from what the sender called it: no folders, no control or odd characters, at most
    80 characters, and the extension of what the file really is."""
    base = (sent or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = _UNSAFE.sub("_", stem).strip(" ._")[:80] or fallback
    if file_type is not None:
        return f"{stem}.{file_type.extension}"
    extension = re.sub(r"[^A-Za-z0-9]", "", base.rsplit(".", 1)[1])[:8] if "." in base else ""
    return f"{stem}.{extension}" if extension else stem
