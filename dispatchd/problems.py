"""RFC 9457 problem details: every error answer carries a sentence an operator can read."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"


class Problem(Exception):
    """An error answer: `status`, a short `title` and a `detail` sentence, plus any extra members."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra

    def body(self, instance: str) -> dict[str, Any]:
        return {
            "type": "about:blank",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "instance": instance,
            **self.extra,
        }


def not_found(what: str, entity_id: str) -> Problem:
    return Problem(404, "Not found", f"There is no {what} with id {entity_id}.")


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "request"


def install_problem_handlers(app: FastAPI) -> None:
    """Turn our Problems, validation errors and HTTP errors into problem+json answers."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return JSONResponse(
            exc.body(request.url.path), status_code=exc.status, media_type=PROBLEM_JSON, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        sentences = [f"{_field_name(tuple(e.get('loc', ())))}: {e.get('msg', 'invalid')}" for e in errors]
        problem = Problem(
            422,
            "Invalid request",
            "The request was not accepted: " + "; ".join(sentences) + ".",
            errors=[{"field": _field_name(tuple(e.get("loc", ()))), "message": e.get("msg")} for e in errors],
        )
        return JSONResponse(problem.body(request.url.path), status_code=422, media_type=PROBLEM_JSON)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "The request failed."
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"There is nothing at {request.url.path}."
        elif exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}."
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # Allow: every method of the path (Starlette names only one route's)
            headers["Allow"] = ", ".join(_allowed(app, request.url.path)) or headers.get("allow", "")
            headers.pop("allow", None)
        problem = Problem(exc.status_code, "Request failed", detail)
        return JSONResponse(
            problem.body(request.url.path), status_code=exc.status_code, media_type=PROBLEM_JSON, headers=headers
        )


def _allowed(app: FastAPI, path: str) -> list[str]:
    """The methods the API takes on a path, from its routes' templates."""
    templates: list[tuple[re.Pattern[str], list[str]]] | None = getattr(app.state, "method_templates", None)
    if templates is None:
        templates = [
            (re.compile("^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template)) + "$"), [m.upper() for m in ops])
            for template, ops in app.openapi()["paths"].items()
        ]
        app.state.method_templates = templates
    matching = [(pattern, methods) for pattern, methods in templates if pattern.match(path)]
    exact = [(pattern, methods) for pattern, methods in matching if "[^/]+" not in pattern.pattern]
    return sorted({method for _, methods in (exact or matching) for method in methods})  # /units/positions first
