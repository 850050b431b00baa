"""Media content on disk, addressed by sha256 (the same photo sent twice is stored once)."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from dispatchd.media_check import HEAD_BYTES
from dispatchd.problems import Problem

_CHUNK = 1024 * 1024


def size_text(size: int) -> str:
    if size >= 1 << 30:
        return f"{size / (1 << 30):g} GB"
    if size >= 1 << 20:
        return f"{size / (1 << 20):g} MB"
    return f"{size / 1024:g} kB"


class MediaStore:
    """Files under `data_dir/media/ab/abcdef…`."""

    def __init__(self, root: Path, max_bytes: int) -> None:
        self._root = root
        self._max = max_bytes
        root.mkdir(parents=True, exist_ok=True)

    def path_of(self, sha256: str) -> Path:
        return self._root / sha256[:2] / sha256

    def save(
        self,
        source: BinaryIO,
        max_bytes: int | None = None,
        check_head: Callable[[bytes], None] = lambda _head: None,
        check_file: Callable[[Path], None] = lambda _path: None,
    ) -> tuple[str, int]:
        """Copy a stream in, hashing as it goes; returns (sha256, size). `check_head` sees the first bytes and
        `check_file` the whole file before it is kept: either raises to refuse it (nothing is kept)."""
        limit = self._max if max_bytes is None else max_bytes
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self._root, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := source.read(_CHUNK):
                    if size == 0:
                        check_head(chunk[:HEAD_BYTES])
                    size += len(chunk)
                    if size > limit:
                        raise Problem(413, "Too large", f"This file is larger than {size_text(limit)}: not accepted.")
                    digest.update(chunk)
                    out.write(chunk)
            if size == 0:
                check_head(b"")
            check_file(Path(tmp_name))
            sha = digest.hexdigest()
            target = self.path_of(sha)
            target.parent.mkdir(exist_ok=True)
            os.replace(tmp_name, target)
            return sha, size
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise

    def save_bytes(self, data: bytes) -> tuple[str, int]:
        return self.save(io.BytesIO(data))
