"""`console verify-export DIR`: prints OK, or TAMPERED: <file> for each file that does not match; exit 0 or 1."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from console.evidence.logic.manifest import verify_export


def verify_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="console verify-export", description=__doc__)
    parser.add_argument("folder", type=Path, help="the export folder (holds manifest.json)")
    args = parser.parse_args(list(argv))
    if not args.folder.is_dir():
        sys.stderr.write(f"console verify-export: {args.folder} is not a folder\n")
        return 2
    verdict = verify_export(args.folder)
    sys.stdout.write("".join(f"{line}\n" for line in verdict.lines()))
    return 0 if verdict.ok else 1
