"""Media content on disk, addressed by sha256 (the same photo sent twice is stored once)."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from dispatchd.problems import Problem

_CHUNK = 1024 * 1024


class MediaStore:
    """Files under `data_dir/media/ab/abcdef…`."""

    def __init__(self, root: Path, max_bytes: int) -> None:
        self._root = root
        self._max = max_bytes
        root.mkdir(parents=True, exist_ok=True)

    def path_of(self, sha256: str) -> Path:
        return self._root / sha256[:2] / sha256

    def save(self, source: BinaryIO) -> tuple[str, int]:
        """Copy a stream in, hashing as it goes; returns (sha256, size)."""
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self._root, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := source.read(_CHUNK):
                    size += len(chunk)
                    if size > self._max:
                        raise Problem(
                            413, "Too large", f"Media larger than {self._max // (1024 * 1024)} MB are not accepted."
                        )
                    digest.update(chunk)
                    out.write(chunk)
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
