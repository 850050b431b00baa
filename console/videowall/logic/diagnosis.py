"""Why a feed failed, in words an operator understands.

OpenCV only says that `open()` or `read()` failed. After a failure (never on the success path) the capture
thread asks the source itself: a file is looked at (exists? which container? which codec?), a network
camera is connected to (refused? no answer? which HTTP or RTSP status?). No Qt here.
"""

from __future__ import annotations

import re
import socket
from pathlib import Path
from urllib.parse import urlsplit

from console.i18n import tr

DEFAULT_PORTS = {"http": 80, "https": 443, "rtsp": 554, "rtsps": 322, "rtmp": 1935}
AUDIO_SAMPLE_ENTRIES = {b"mp4a", b"Opus", b"ac-3", b"ec-3", b"samr", b"alac", b"fLaC", b".mp3", b"sowt", b"twos"}
HEAD_BYTES = 1 << 20
SOUND_ONLY = "(sound only)"  # i18n: not shown (a codec name standing for no picture)


def local_path(url: str) -> Path | None:
    """The file a source URL names, or None for a network source."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return Path(parts.path)
    if parts.scheme == "" or (len(parts.scheme) == 1 and url[1:3] == ":\\"):
        return Path(url)
    return None


def why_open_failed(url: str, timeout_s: float = 2.0) -> str:
    path = local_path(url)
    if path is not None:
        return why_file_failed(path)
    return why_stream_failed(url, timeout_s)


def why_file_failed(path: Path) -> str:
    if not path.exists():
        return tr("file not found")
    if not path.is_file():
        return tr("not a file")
    try:
        with path.open("rb") as f:
            head = f.read(HEAD_BYTES)
            size = path.stat().st_size
            tail = b""
            if size > HEAD_BYTES:
                f.seek(max(HEAD_BYTES, size - HEAD_BYTES))
                tail = f.read()
    except OSError as exc:
        return tr("the file cannot be read ({exc})", exc=exc.strerror or exc)
    if not head:
        return tr("the file is empty")
    container, codec = sniff(head, tail)
    if container is None:
        return tr("not a video file, or a damaged one")
    if container in ("JPEG", "PNG"):
        return tr("a {container} picture, not a video", container=container)
    if codec == SOUND_ONLY:
        return tr("no picture in this {container} file (sound only)", container=container)
    if codec:
        return tr("unsupported codec ({codec}) in this {container} file", codec=codec, container=container)
    return tr("damaged or unsupported {container} file", container=container)


def sniff(head: bytes, tail: bytes = b"") -> tuple[str | None, str | None]:
    """(container, video codec) recognised from a file's first and last bytes; None where unknown."""
    data = head + tail
    if head[4:8] in (b"ftyp", b"moov", b"mdat", b"free", b"wide"):
        return "MP4", _mp4_codec(data)
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "AVI", _avi_codec(head)
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return tr("Matroska"), _matroska_codec(head)
    if len(head) > 188 and head[0] == 0x47 and head[188] == 0x47:
        return "MPEG-TS", None
    if head[:3] == b"FLV":
        return "FLV", None
    if head[:3] == b"\xff\xd8\xff":
        return "JPEG", None
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "PNG", None
    return None, None


def _printable(tag: bytes) -> str | None:
    text = tag.decode("latin-1")
    return text.strip() if tag and all(32 <= b < 127 for b in tag) else None


def _mp4_codec(data: bytes) -> str | None:
    start, sound = 0, False
    while (i := data.find(b"stsd", start)) >= 0:
        entry = data[i + 16 : i + 20]
        if entry in AUDIO_SAMPLE_ENTRIES:
            sound = True
        elif entry:
            return _printable(entry)
        start = i + 4
    return SOUND_ONLY if sound else None


def _avi_codec(head: bytes) -> str | None:
    i = head.find(b"strf")
    return _printable(head[i + 24 : i + 28]) if i >= 0 else None


def _matroska_codec(head: bytes) -> str | None:
    for match in re.finditer(rb"\x86([\x81-\xbf])(V_)", head):
        length = match.group(1)[0] & 0x7F
        return _printable(head[match.start(2) : match.start(2) + length])
    return None


def why_stream_failed(url: str, timeout_s: float = 2.0) -> str:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = parts.hostname
    port = parts.port or DEFAULT_PORTS.get(scheme)
    if not host or port is None:
        return tr("cannot use this address ({scheme} scheme, no host or port)", scheme=scheme or tr("no"))
    try:
        sock = socket.create_connection((host, port), timeout=timeout_s)
    except ConnectionRefusedError:
        return tr("camera refused the connection")
    except socket.gaierror:
        return tr("unknown camera address ({host})", host=host)
    except TimeoutError:
        return tr("camera does not answer (timed out)")
    except OSError as exc:
        return tr("camera unreachable ({exc})", exc=exc.strerror or exc)
    with sock:
        if scheme in ("http", "rtsp"):
            status = _status_line(sock, scheme, url, host, timeout_s)
            if status is not None:
                return _explain_status(scheme.upper(), status)
    return tr("unsupported stream format or codec")


def _status_line(sock: socket.socket, scheme: str, url: str, host: str, timeout_s: float) -> int | None:
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if scheme == "http":
        request = f"GET {target} HTTP/1.0\r\nHost: {host}\r\nUser-Agent: command-console\r\n\r\n"
    else:
        request = f"DESCRIBE {url} RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n"
    try:
        sock.settimeout(timeout_s)
        sock.sendall(request.encode())
        first = sock.recv(256).split(b"\r\n", 1)[0].decode("latin-1")
    except OSError:
        return None
    match = re.match(r"(?:HTTP|RTSP)/\d\.\d (\d{3})", first)
    return int(match.group(1)) if match else None


def _explain_status(protocol: str, status: int) -> str:
    if status in (401, 403):
        return tr("camera refused the credentials ({protocol} {status})", protocol=protocol, status=status)
    if status == 404:
        return tr("no such stream on the camera ({protocol} {status})", protocol=protocol, status=status)
    if status >= 400:
        return tr("the camera answered {protocol} {status}", protocol=protocol, status=status)
    return tr("unsupported stream format or codec")


def why_read_failed(frames_read: int, is_file: bool) -> str:
    """After `open()` worked: no picture at all means it could not be decoded; later, the stream ended."""
    if frames_read == 0:
        return tr("cannot decode the picture (unsupported codec or damaged data)")
    return tr("end of the file") if is_file else tr("stream ended")
