"""The OpenAPI document as the server really answers: every operation declares the problem answers it can give
(application/problem+json), so that a client generated from it, or a checker such as schemathesis, is not
surprised by a 403, a 409 or a 415."""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from dispatchd.service import MAJOR_EVENT_TYPE

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "code": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
}
COMMON = {
    "400": "The request is malformed (a header of the wrong form).",
    "401": "No token, a bad or an expired one; or, at login, a wrong password or code.",
    "403": "The role may not do this (or, at login, the account is locked or needs a second factor).",
    "404": "Nothing of that id.",
    "405": "Not a method of this path (the Allow header lists them).",
    "409": "The state forbids it now (closed incident, unit busy…).",
    "410": "Gone (an event no longer kept, a file no longer stored).",
    "412": "Changed meanwhile: If-Match names an older version.",
    "413": "Too large.",
    "415": "Not the kind of file it says.",
    "422": "The request is not valid; `errors` names the fields.",
    "429": "Too many requests (failed logins from an address, a caller's link used too often): Retry-After says "
    "when to try again.",
}
PROBLEM_CONTENT = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


def document(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document with its problem answers declared (built once)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    for operations in schema["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                _not_null(parameter)
            responses = operation.setdefault("responses", {})
            for status, why in COMMON.items():
                answer = responses.setdefault(status, {"description": why})
                answer["content"] = PROBLEM_CONTENT  # FastAPI's own 422 says application/json: it is not
    for component in schema["components"]["schemas"].values():  # form bodies: a field is sent or not, never "null"
        if component.get("title", "").startswith("Body_"):
            for field in component.get("properties", {}).values():
                _strip_null(field)
    app.openapi_schema = schema
    return schema


def _strip_null(schema: dict[str, Any]) -> None:
    branches = schema.get("anyOf")
    if isinstance(branches, list):
        kept = [b for b in branches if b.get("type") != "null"]
        if len(kept) == 1:
            del schema["anyOf"]
            schema.update(kept[0])


def _not_null(parameter: dict[str, Any]) -> None:
    """A header or query parameter is absent or has a value, never `null`: FastAPI writes `X | None` as
    anyOf [X, null], which tells a client it may send the word "null"."""
    if "schema" in parameter:
        _strip_null(parameter["schema"])


def with_incident_types(schema: dict[str, Any], codes: list[str]) -> dict[str, Any]:
    """The document with the centre's incident types as the only type codes an incident may take (they change
    with the centre's reference data: the document is built again from its last version)."""
    if not codes:
        return schema  # a centre without types accepts any code
    current = copy.deepcopy(schema)
    for name in ("IncidentCreate", "IncidentPatch"):
        field = current["components"]["schemas"].get(name, {}).get("properties", {}).get("type_code")
        if field is None:
            continue
        target = next((b for b in field.get("anyOf", []) if b.get("type") == "string"), field)
        target["enum"] = [*codes, MAJOR_EVENT_TYPE]
    return current


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        return with_incident_types(document(app), sorted(app.state.ctx.service.incident_types))

    app.openapi = openapi  # type: ignore[method-assign]
