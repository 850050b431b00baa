"""The administration's forms: their fields, and the contract's command each one becomes (pure).

A form's values are checked with the command's model (`dispatch_protocol.commands`) before anything is sent:
each problem goes next to its field, in the words of the model's check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from console.i18n import N_
from dispatch_protocol.commands import AccountSave, CameraSave, IncidentTypeSave, SectorSave, UnitSave

AGENCIES = ("police", "gendarmerie", "fire", "ems")
CAMERA_KINDS = ("fixed", "ptz", "body", "drone", "upload")
ROLES = ("operator", "supervisor", "trainer", "admin", "field")


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # N_(): translated where shown
    kind: str = "text"  # text, choice, password, bool
    choices: tuple[str, ...] = ()
    identity: bool = False
    """Part of the entity's id: fixed once it exists."""


@dataclass(frozen=True)
class Form:
    collection: str  # the API's: units, cameras, sectors, incident-types, accounts
    title: str
    fields: tuple[Field, ...]
    model: type[BaseModel]
    body: Callable[[dict[str, Any]], dict[str, Any]]
    """The command's body from the form's texts."""
    entity_id: Callable[[dict[str, Any]], str]


def _blank(text: str) -> str | None:
    return text.strip() or None


def _number(text: str) -> float | str | None:
    """A number when it reads as one; else the text, for the model to name it wrong."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


def _whole(text: str) -> int | str:
    text = text.strip()
    return int(text) if text.isdigit() else text


def _unit_body(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "callsign": values["callsign"].strip(),
        "agency": values["agency"],
        "type_common": values["type_common"].strip(),
        "home_sector": _blank(values["home_sector"]),
        "tracker_uid": _blank(values["tracker_uid"]),
        "field_account": _blank(values["field_account"]),
    }


def _camera_body(values: dict[str, Any]) -> dict[str, Any]:
    username, password = values["username"].strip(), values["password"]
    return {
        "name": values["name"].strip(),
        "kind": values["kind"],
        "lat": _number(values["lat"]),
        "lon": _number(values["lon"]),
        "main_url": values["main_url"].strip(),
        "sub_url": _blank(values["sub_url"]),
        "archive_url": _blank(values["archive_url"]),
        **({"credentials": {"username": username, "password": password}} if username or password else {}),
    }


def _type_body(values: dict[str, Any]) -> dict[str, Any]:
    names = {lang: values[f"name_{lang}"].strip() for lang in ("en", "fr") if values[f"name_{lang}"].strip()}
    return {
        "names": names,
        "emsi_category": _blank(values["emsi_category"]),
        "eido_type": _blank(values["eido_type"]),
        "priority": _whole(values["priority"]),
        "agencies": [a.strip() for a in values["agencies"].replace(",", ";").split(";") if a.strip()],
    }


def _account_body(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "role": values["role"],
        **({"password": values["password"]} if values["password"] else {}),
        "disabled": values["disabled"] == "yes",
    }


UNITS = Form(
    "units", N_("Units"),
    (Field("callsign", N_("Callsign"), identity=True), Field("agency", N_("Agency"), "choice", AGENCIES, True),
     Field("type_common", N_("Type")), Field("home_sector", N_("Home sector")),
     Field("tracker_uid", N_("Tracker or TAK uid")),
     Field("field_account", N_("Field account (photos from the field)"))),
    UnitSave, _unit_body, lambda v: f"{v['callsign'].strip()}@{v['agency']}",
)  # fmt: skip
CAMERAS = Form(
    "cameras", N_("Cameras"),
    (Field("id", N_("Id"), identity=True), Field("name", N_("Name")), Field("kind", N_("Kind"), "choice", CAMERA_KINDS),
     Field("lat", N_("Latitude")), Field("lon", N_("Longitude")), Field("main_url", N_("Main stream URL")),
     Field("sub_url", N_("Sub-stream URL")), Field("archive_url", N_("Archive URL")),
     Field("username", N_("Login (kept apart)")), Field("password", N_("Password"), "password")),
    CameraSave, _camera_body, lambda v: v["id"].strip(),
)  # fmt: skip
INCIDENT_TYPES = Form(
    "incident-types", N_("Incident types"),
    (Field("code", N_("Code"), identity=True), Field("name_en", N_("Name in English")),
     Field("name_fr", N_("Name in French")), Field("emsi_category", N_("EMSI category")),
     Field("eido_type", N_("EIDO type")), Field("priority", N_("Priority (0–10)")),
     Field("agencies", N_("Agencies alerted (police; fire; ems…)"))),
    IncidentTypeSave, _type_body, lambda v: v["code"].strip(),
)  # fmt: skip
SECTORS = Form(
    "sectors", N_("Sectors"),
    (Field("id", N_("Id"), identity=True), Field("name", N_("Name"))),
    SectorSave, lambda v: {"name": v["name"].strip(), "geometry": v.get("geometry")}, lambda v: v["id"].strip(),
)  # fmt: skip
ACCOUNTS = Form(
    "accounts", N_("Accounts"),
    (Field("username", N_("User name"), identity=True), Field("role", N_("Role"), "choice", ROLES),
     Field("password", N_("New password"), "password"), Field("disabled", N_("Disabled"), "choice", ("no", "yes"))),
    AccountSave, _account_body, lambda v: v["username"].strip(),
)  # fmt: skip
FORMS = (UNITS, CAMERAS, SECTORS, INCIDENT_TYPES, ACCOUNTS)

# Which form field a command model's field is shown next to.
MODEL_FIELD = {"type_common": "type_common", "credentials": "username", "names": "name_en", "geometry": "name"}


def check(form: Form, values: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The command's body, or the problems by form field (nothing is sent then)."""
    problems: dict[str, str] = {}
    for item in form.fields:
        if item.identity and not str(values.get(item.key, "")).strip():
            problems[item.key] = "required"
    body = form.body(values)
    try:
        checked = form.model.model_validate(body).model_dump(exclude_unset=True)
    except ValidationError as exc:
        for error in exc.errors():
            first = str(error["loc"][0]) if error["loc"] else ""
            key = MODEL_FIELD.get(first, first)
            if key in ("lat", "lon") or any(f.key == key for f in form.fields):
                problems.setdefault(key, error["msg"])
            else:
                problems.setdefault(form.fields[0].key, f"{first}: {error['msg']}")
        return None, problems
    return (None, problems) if problems else (checked, {})
