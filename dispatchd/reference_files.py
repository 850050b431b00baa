"""A centre's reference data in the plain files its IT already has, read whole and checked before anything is
written, and written back out.

- `units.csv`: `callsign,agency,type,home_sector,tracker_uid`
- `cameras.csv`: `id,name,kind,lat,lon,main_url,sub_url,archive_url,username,password` (the last two
  optional, and never exported)
- `incident-types.csv`: `code,name_en,name_fr,emsi_category,eido_type,priority,agencies` (agencies separated
  by `;`)
- `*.geojson`: a FeatureCollection; Polygon features are sectors (`properties.name`, optional
  `properties.id`), Point features are camera positions (`properties.id` of a camera)

Which CSV is which comes from its header. Every bad row is named with its file, line and reason; an import
with any bad row writes nothing. Saving what is already there changes nothing, so the same files twice
change nothing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from dispatch_protocol.commands import CameraSave, IncidentTypeSave, SectorSave, UnitSave
from dispatchd import reference
from dispatchd.service import CAMERA, UNIT
from dispatchd.storage.interface import Transaction

UNIT_COLUMNS = ("callsign", "agency", "type", "home_sector", "tracker_uid")
CAMERA_COLUMNS = ("id", "name", "kind", "lat", "lon", "main_url", "sub_url", "archive_url", "username", "password")
TYPE_COLUMNS = ("code", "name_en", "name_fr", "emsi_category", "eido_type", "priority", "agencies")
REQUIRED = {
    UNIT: {"callsign", "agency", "type"},
    CAMERA: {"id", "name", "main_url"},
    reference.INCIDENT_TYPE: {"code", "name_en", "priority", "agencies"},
}


@dataclass(frozen=True)
class Item:
    """One entity to save: its kind, id and fields (as the API takes them)."""

    kind: str
    entity_id: str
    body: dict[str, Any]
    where: str


@dataclass
class Plan:
    """What a set of files would save, or why it cannot."""

    items: list[Item] = field(default_factory=list)
    positions: dict[str, tuple[float, float, str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _reason(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"])
        parts.append(f"{where}: {item['msg']}" if where else item["msg"])
    return "; ".join(parts)


def _checked(model: type[BaseModel], body: dict[str, Any], where: str, plan: Plan) -> dict[str, Any] | None:
    try:
        return model.model_validate(body).model_dump()
    except ValidationError as exc:
        plan.errors.append(f"{where}: {_reason(exc)}")
        return None


def _blank_to_none(row: dict[str, str | None]) -> dict[str, str | None]:
    return {k.strip(): (v.strip() if isinstance(v, str) and v.strip() else None) for k, v in row.items() if k}


def _number(text: str | None, name: str) -> float | None:
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{name} is not a number: {text!r}") from None


def kind_of_header(columns: Iterable[str]) -> str | None:
    names = {c.strip() for c in columns}
    for kind, required in REQUIRED.items():
        if required <= names:
            return kind
    return None


def read_csv(path: Path, plan: Plan) -> None:
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    kind = kind_of_header(reader.fieldnames or [])
    if kind is None:
        plan.errors.append(
            f"{path.name} line 1: unknown header {reader.fieldnames!r}; expected units "
            f"({','.join(UNIT_COLUMNS)}), cameras ({','.join(CAMERA_COLUMNS)}) or incident types "
            f"({','.join(TYPE_COLUMNS)})"
        )
        return
    seen: dict[str, int] = {}
    for raw in reader:
        line = reader.line_num
        where = f"{path.name} line {line}"
        row = _blank_to_none(raw)
        try:
            item = _row_item(kind, row, where, plan)
        except ValueError as exc:
            plan.errors.append(f"{where}: {exc}")
            continue
        if item is None:
            continue
        if item.entity_id in seen:
            plan.errors.append(f"{where}: {item.entity_id} is already on line {seen[item.entity_id]}")
            continue
        seen[item.entity_id] = line
        plan.items.append(item)


def _row_item(kind: str, row: dict[str, str | None], where: str, plan: Plan) -> Item | None:
    body: dict[str, Any]
    key = row.get({UNIT: "callsign", CAMERA: "id"}.get(kind, "code"))
    if not key:
        raise ValueError(f"the { ({UNIT: 'callsign', CAMERA: 'id'}.get(kind, 'code')) } is empty")
    if kind == UNIT:
        body = {
            "callsign": row.get("callsign"),
            "agency": row.get("agency"),
            "type_common": row.get("type"),
            "home_sector": row.get("home_sector"),
            "tracker_uid": row.get("tracker_uid"),
        }
        checked = _checked(UnitSave, body, where, plan)
        if checked is None:
            return None
        return Item(UNIT, reference.unit_id_of(checked["callsign"], checked["agency"]), checked, where)
    if kind == CAMERA:
        login = (row.get("username"), row.get("password"))
        if (login[0] is None) != (login[1] is None):
            raise ValueError("give both username and password, or neither")
        body = {
            "name": row.get("name"),
            "kind": row.get("kind") or "fixed",
            "lat": _number(row.get("lat"), "lat"),
            "lon": _number(row.get("lon"), "lon"),
            "main_url": row.get("main_url"),
            "sub_url": row.get("sub_url"),
            "archive_url": row.get("archive_url"),
            "credentials": {"username": login[0], "password": login[1]} if login[0] else None,
        }
        checked = _checked(CameraSave, body, where, plan)
        return None if checked is None else Item(CAMERA, key, checked, where)
    names = {lang: row.get(f"name_{lang}") for lang in ("en", "fr") if row.get(f"name_{lang}")}
    priority = row.get("priority")
    if priority is None or not priority.isdigit():
        raise ValueError(f"priority must be a whole number from 0 to 10, not {priority!r}")
    body = {
        "names": names,
        "emsi_category": row.get("emsi_category"),
        "eido_type": row.get("eido_type"),
        "priority": int(priority),
        "agencies": [a.strip() for a in (row.get("agencies") or "").replace(",", ";").split(";") if a.strip()],
    }
    checked = _checked(IncidentTypeSave, body, where, plan)
    return None if checked is None else Item(reference.INCIDENT_TYPE, key, checked, where)


def read_geojson(path: Path, plan: Plan) -> None:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        plan.errors.append(f"{path.name} line {exc.lineno}: not JSON ({exc.msg})")
        return
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        plan.errors.append(f"{path.name}: not a GeoJSON FeatureCollection")
        return
    for index, feature in enumerate(features, start=1):
        where = f"{path.name} feature {index}"
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        properties = (feature.get("properties") if isinstance(feature, dict) else None) or {}
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        if kind == "Point":
            camera_id = properties.get("id")
            coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
            if not camera_id or not isinstance(coordinates, list) or len(coordinates) < 2:
                plan.errors.append(f"{where}: a camera position needs properties.id and [longitude, latitude]")
                continue
            lon, lat = coordinates[0], coordinates[1]
            if not (isinstance(lon, int | float) and isinstance(lat, int | float)) or not (
                -180 <= lon <= 180 and -90 <= lat <= 90
            ):
                plan.errors.append(f"{where}: {coordinates!r} is not a [longitude, latitude] point")
                continue
            plan.positions[str(camera_id)] = (float(lat), float(lon), where)
            continue
        name = properties.get("name")
        checked = _checked(SectorSave, {"name": name, "geometry": geometry}, where, plan)
        if checked is None:
            continue
        problem = reference.polygon_problem(geometry)
        if problem:
            plan.errors.append(f"{where} ({name}): {problem}")
            continue
        sector_id = str(properties.get("id") or "-".join(str(name).lower().split()))
        plan.items.append(Item(reference.SECTOR, sector_id, checked, where))


def plan_files(paths: Iterable[Path]) -> Plan:
    """Read every file; nothing is written here."""
    plan = Plan()
    for path in paths:
        if not path.is_file():
            plan.errors.append(f"{path}: no such file")
        elif path.suffix.lower() == ".csv":
            read_csv(path, plan)
        elif path.suffix.lower() in (".geojson", ".json"):
            read_geojson(path, plan)
        else:
            plan.errors.append(f"{path.name}: not a .csv or .geojson file")
    camera_ids = {i.entity_id for i in plan.items if i.kind == CAMERA}
    for camera_id, (_lat, _lon, where) in plan.positions.items():
        if camera_id not in camera_ids:
            plan.errors.append(f"{where}: no camera {camera_id!r} in the cameras imported with it")
    return plan


def apply_plan(tx: Transaction, actor: str, plan: Plan, language: str) -> list[str]:
    """Save a checked plan (sectors and types first); returns what changed, one line per entity."""
    changed: list[str] = []
    order = {reference.SECTOR: 0, reference.INCIDENT_TYPE: 1, UNIT: 2, CAMERA: 3}
    for item in sorted(plan.items, key=lambda i: order[i.kind]):
        body = dict(item.body)
        if item.kind == CAMERA and item.entity_id in plan.positions:
            body["lat"], body["lon"] = plan.positions[item.entity_id][:2]
        if item.kind == CAMERA:
            before = tx.get(CAMERA, item.entity_id)
            after = reference.save_camera(tx, actor, item.entity_id, body)
            done = before is None or before.get("version") != after.get("version")
        elif item.kind == UNIT:
            done = reference.save(tx, actor, UNIT, item.entity_id, reference.unit_fields(body))[1]
        elif item.kind == reference.SECTOR:
            done = reference.save(tx, actor, item.kind, item.entity_id, reference.sector_fields(body))[1]
        else:
            fields = reference.incident_type_fields(item.entity_id, body, language)
            done = reference.save(tx, actor, item.kind, item.entity_id, fields)[1]
        if done:
            changed.append(f"{reference.WORDS[item.kind]} {item.entity_id}")
    return changed


# --- export ------------------------------------------------------------------------------------------------
def export_files(tx: Transaction, folder: Path) -> list[Path]:
    """The reference data in use, in the import's formats (never a camera's login)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []

    def write_csv(name: str, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
        with (folder / name).open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, columns)
            writer.writeheader()
            writer.writerows(rows)
        written.append(folder / name)

    live = [u for u in tx.list(UNIT) if not u.get("retired")]
    write_csv(
        "units.csv",
        UNIT_COLUMNS,
        [
            {"callsign": u["callsign"], "agency": u["agency"], "type": u.get("type_common", ""),
             "home_sector": u.get("home_sector") or "", "tracker_uid": u.get("tracker_uid") or ""}
            for u in sorted(live, key=lambda u: (u["agency"], u["callsign"]))
        ],
    )  # fmt: skip
    cameras = sorted((c for c in tx.list(CAMERA) if not c.get("retired")), key=lambda c: c["id"])
    write_csv(
        "cameras.csv",
        CAMERA_COLUMNS[:-2],
        [
            {"id": c["id"], "name": c["name"], "kind": c.get("kind", "fixed"),
             "lat": (c.get("location") or {}).get("lat", ""), "lon": (c.get("location") or {}).get("lon", ""),
             "main_url": (c.get("stream") or {}).get("main_url", ""),
             "sub_url": (c.get("stream") or {}).get("sub_url", ""), "archive_url": c.get("archive_url") or ""}
            for c in cameras
        ],
    )  # fmt: skip
    types = sorted((t for t in tx.list(reference.INCIDENT_TYPE) if not t.get("retired")), key=lambda t: t["code"])
    write_csv(
        "incident-types.csv",
        TYPE_COLUMNS,
        [
            {"code": t["code"], "name_en": (t.get("names") or {}).get("en", t["text"]),
             "name_fr": (t.get("names") or {}).get("fr", ""), "emsi_category": t.get("emsi_category") or "",
             "eido_type": t.get("eido_type") or "", "priority": t["priority"], "agencies": ";".join(t["agencies"])}
            for t in types
        ],
    )  # fmt: skip
    sectors = sorted((s for s in tx.list(reference.SECTOR) if not s.get("retired")), key=lambda s: s["name"])
    features = [
        {"type": "Feature", "properties": {"id": s["id"], "name": s["name"]}, "geometry": s["geometry"]}
        for s in sectors
    ]
    (folder / "sectors.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, indent=1, ensure_ascii=False), "utf-8"
    )
    written.append(folder / "sectors.geojson")
    points = [
        {"type": "Feature", "properties": {"id": c["id"], "name": c["name"], "kind": c.get("kind", "fixed")},
         "geometry": {"type": "Point", "coordinates": [c["location"]["lon"], c["location"]["lat"]]}}
        for c in cameras
        if c.get("location")
    ]  # fmt: skip
    (folder / "camera-positions.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": points}, indent=1, ensure_ascii=False), "utf-8"
    )
    written.append(folder / "camera-positions.geojson")
    return written
