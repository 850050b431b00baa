"""The audit trail, tamper-evident: each entry holds the hash of the one before (a hash chain).

Entries are numbered 1, 2, 3… inside the write transaction that adds them (writes are one at a time, across
instances too), so the chain is a line. An entry's hash covers all its fields and the previous hash: changing,
removing or inserting an entry breaks the chain from there, and `dispatchd --verify-audit` names the first
broken one. Pruning (after the retention, 400 days by default) keeps the last pruned entry's number and hash as
the anchor the rest is checked from.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from dispatchd.clock import utc_now
from dispatchd.storage.interface import Transaction

AUDIT, HEAD, ANCHOR = "audit", "audit_head", "audit_anchor"
GENESIS = "0" * 64
RETENTION_DAYS = 400  # at least a year, as police information systems must keep access records


def _digest(entry: dict[str, Any]) -> str:
    fields = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256(json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def key_of(n: int) -> str:
    return f"{n:012d}"


def record(tx: Transaction, actor: str, action: str, **detail: Any) -> dict[str, Any]:
    """Add an entry (who, what, when, and the detail) at the end of the chain; returns it."""
    head = tx.get(HEAD, "head") or {"n": 0, "hash": GENESIS}
    n = int(head["n"]) + 1
    entry: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "n": n,
        "at": utc_now(),
        "actor": actor,
        "action": action,
        **detail,
        "prev_hash": head["hash"],
    }
    entry["hash"] = _digest(entry)
    tx.put(AUDIT, key_of(n), entry)
    tx.put(HEAD, "head", {"n": n, "hash": entry["hash"]})
    return entry


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    entries: int
    broken: str = ""

    def __str__(self) -> str:
        return f"OK ({self.entries} entries)" if self.ok else f"BROKEN: {self.broken}"


def _label(entry: dict[str, Any]) -> str:
    what = entry.get("entity_id") or entry.get("bookmark_id") or entry.get("username") or ""
    return f"entry {entry.get('n')} ({entry.get('at')}, {entry.get('actor')}, {entry.get('action')} {what})".strip()


def verify(tx: Transaction) -> Verdict:
    """Check the chain from its anchor (or its start) to its head."""
    anchor = tx.get(ANCHOR, "anchor") or {"n": 0, "hash": GENESIS}
    head = tx.get(HEAD, "head") or {"n": 0, "hash": GENESIS}
    entries = {int(e["n"]): e for e in tx.list(AUDIT) if isinstance(e.get("n"), int)}
    previous = anchor["hash"]
    for n in range(int(anchor["n"]) + 1, int(head["n"]) + 1):
        entry = entries.get(n)
        if entry is None:
            return Verdict(False, n - 1 - int(anchor["n"]), f"entry {n} is missing")
        if entry.get("prev_hash") != previous:
            return Verdict(False, n - 1 - int(anchor["n"]), f"{_label(entry)} does not follow entry {n - 1}")
        if _digest(entry) != entry.get("hash"):
            return Verdict(False, n - 1 - int(anchor["n"]), f"{_label(entry)} was changed after it was written")
        previous = entry["hash"]
    if previous != head["hash"]:
        return Verdict(False, int(head["n"]) - int(anchor["n"]), "the last entry is not the one recorded as last")
    beyond = [n for n in entries if n > int(head["n"])]
    if beyond:
        return Verdict(False, int(head["n"]) - int(anchor["n"]), f"entry {min(beyond)} was added outside the chain")
    return Verdict(True, int(head["n"]) - int(anchor["n"]))


def prune(tx: Transaction, before_ts: str) -> int:
    """Forget the entries written before `before_ts`, from the oldest on; the last one forgotten becomes the
    anchor. Returns how many were forgotten."""
    anchor = tx.get(ANCHOR, "anchor") or {"n": 0, "hash": GENESIS}
    head = tx.get(HEAD, "head") or {"n": 0, "hash": GENESIS}
    forgotten = 0
    for n in range(int(anchor["n"]) + 1, int(head["n"]) + 1):
        entry = tx.get(AUDIT, key_of(n))
        if entry is None or entry["at"] >= before_ts:
            break
        anchor = {"n": n, "hash": entry["hash"]}
        tx.delete(AUDIT, key_of(n))
        forgotten += 1
    if forgotten:
        tx.put(ANCHOR, "anchor", anchor)
    return forgotten
