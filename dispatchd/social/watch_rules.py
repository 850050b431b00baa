"""Watch rules, shared by every console through the backend: validated here with the consoles' own parser.

The query language and geofences are defined once, in `dispatch_protocol` (pure Python, shared with the
consoles): the backend refuses a rule the consoles could not read, with the position of the problem.
"""

from __future__ import annotations

import uuid
from typing import Any

from dispatch_protocol.geofence import geofence_of
from dispatch_protocol.watch_query import QueryError, parse
from dispatchd.clock import utc_now
from dispatchd.problems import Problem, not_found
from dispatchd.service import check_version
from dispatchd.storage.interface import Transaction

WATCH_RULE = "watch_rule"
EDITABLE = ("name", "query", "languages", "geofence", "active")


def _validated(rule: dict[str, Any]) -> dict[str, Any]:
    name = (rule.get("name") or "").strip()
    if not name:
        raise Problem(
            422, "Invalid request", "A watch rule needs a name.", errors=[{"field": "name", "message": "empty"}]
        )
    try:
        parse(rule.get("query") or "")
    except QueryError as exc:
        raise Problem(
            422,
            "Invalid query",
            f"The query cannot be read: {exc}.",
            errors=[{"field": "query", "message": exc.message, "position": exc.position}],
        ) from None
    try:
        geofence_of(rule.get("geofence"))
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise Problem(
            422,
            "Invalid geofence",
            f"The geofence cannot be read: {exc}.",
            errors=[{"field": "geofence", "message": str(exc)}],
        ) from None
    languages = sorted({str(lang).strip().lower() for lang in rule.get("languages") or [] if str(lang).strip()})
    return {**rule, "name": name, "languages": languages}


def create_rule(tx: Transaction, actor: str, body: dict[str, Any]) -> dict[str, Any]:
    rule = _validated(
        {
            "id": body.get("id") or str(uuid.uuid4()),
            "name": body.get("name"),
            "query": body.get("query"),
            "languages": body.get("languages") or [],
            "geofence": body.get("geofence"),
            "active": body.get("active", True),
            "created_by": actor,
            "created_at": utc_now(),
            "version": 1,
        }
    )
    if tx.get(WATCH_RULE, rule["id"]) is not None:
        raise Problem(409, "Already exists", f"There is already a watch rule with id {rule['id']}.")
    tx.put(WATCH_RULE, rule["id"], rule)
    tx.append_event("watch_rule.created", WATCH_RULE, rule["id"], 1, actor, {"rule": rule})
    return rule


def update_rule(
    tx: Transaction, actor: str, rule_id: str, changes: dict[str, Any], if_match: int | None = None
) -> dict[str, Any]:
    rule = tx.get(WATCH_RULE, rule_id)
    if rule is None:
        raise not_found("watch rule", rule_id)
    check_version(rule, if_match, "watch rule")
    updated = _validated({**rule, **{k: v for k, v in changes.items() if k in EDITABLE and k in changes}})
    updated["version"] = rule["version"] + 1
    updated["updated_by"], updated["updated_at"] = actor, utc_now()
    tx.put(WATCH_RULE, rule_id, updated)
    tx.append_event("watch_rule.updated", WATCH_RULE, rule_id, updated["version"], actor, {"rule": updated})
    return updated
