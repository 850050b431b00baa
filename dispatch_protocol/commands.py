"""The commands as they travel: request bodies, validated by dispatchd (FastAPI) before a command runs."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from dispatch_protocol.text import tr

Agency = Literal["police", "gendarmerie", "fire", "ems"]
IncidentStatus = Literal["new", "active", "closed", "cancelled"]
SecondaryStatus = Literal["Available", "Dispatched", "EnRoute", "OnScene", "Transporting", "Cleared", "OutofService"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LocationIn(_Strict):
    lat: float = Field(strict=True, ge=-90, le=90)
    lon: float = Field(strict=True, ge=-180, le=180)
    uncertainty_m: float | None = Field(strict=True, default=None, ge=0)
    address_text: str | None = Field(default=None, max_length=300)
    sector: str | None = Field(default=None, max_length=100)


class CallerIn(_Strict):
    name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)


class IncidentCreate(_Strict):
    type_code: str = Field(min_length=1, max_length=40)
    type_text: str | None = Field(default=None, min_length=1, max_length=200)
    emsi_category: str | None = Field(default=None, max_length=40)
    priority: int = Field(strict=True, ge=0, le=10)
    location: LocationIn
    caller: CallerIn | None = None
    note: str | None = Field(default=None, max_length=10_000)
    agencies: list[Agency] | None = None
    major_event_id: str | None = Field(default=None, min_length=1)


class IncidentPatch(_Strict):
    type_code: str | None = Field(default=None, min_length=1, max_length=40)
    type_text: str | None = Field(default=None, min_length=1, max_length=200)
    priority: int | None = Field(strict=True, default=None, ge=0, le=10)
    status: IncidentStatus | None = None
    location: LocationIn | None = None
    agencies: list[Agency] | None = None
    major_event_id: str | None = None


class NoteCreate(_Strict):
    text: str = Field(min_length=1, max_length=10_000)


class AssignmentCreate(_Strict):
    unit_id: str = Field(min_length=1)


class UnitPatch(_Strict):
    secondary_status: SecondaryStatus


class PositionReport(_Strict):
    lat: float = Field(strict=True, ge=-90, le=90)
    lon: float = Field(strict=True, ge=-180, le=180)
    course: float | None = Field(strict=True, default=None, ge=0, lt=360)
    speed: float | None = Field(strict=True, default=None, ge=0)
    observed_at: AwareDatetime | None = None
    stale_after_s: float = Field(
        strict=True, default=60.0, gt=0, le=7 * 86400
    )  # a week at most (a time must stay a time)


class UnitPositionReport(PositionReport):
    """One report of a batch: which unit, and where."""

    unit_id: str = Field(min_length=1, max_length=200)


MAX_POSITION_BATCH = 5000


class PositionBatch(_Strict):
    """`POST /units/positions`: an AVL gateway's or a TAK bridge's reports, stored in one transaction."""

    reports: list[UnitPositionReport] = Field(min_length=1, max_length=MAX_POSITION_BATCH)


class TrackMapping(_Strict):
    """`PUT /tak/mappings/{uid}`: the unit a TAK track's uid reports for."""

    unit_id: str = Field(min_length=1, max_length=200)


CapCategory = Literal[
    "Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other"
]
CapUrgency = Literal["Immediate", "Expected", "Future", "Past", "Unknown"]
CapSeverity = Literal["Extreme", "Severe", "Moderate", "Minor", "Unknown"]
CapCertainty = Literal["Observed", "Likely", "Possible", "Unlikely", "Unknown"]


class CapCircle(_Strict):
    lat: float = Field(strict=True, ge=-90, le=90)
    lon: float = Field(strict=True, ge=-180, le=180)
    radius_km: float = Field(strict=True, gt=0, le=500)


class CapWarningSave(_Strict):
    """`POST /cap/warnings` (an Alert) and `PUT /cap/warnings/{id}` (an Update): a public warning, CAP 1.2's words.
    Its area is a polygon (`[lat, lon]` corners, as drawn on the map) or a circle."""

    incident_id: str = Field(min_length=1, max_length=100)
    event: str = Field(min_length=1, max_length=100)
    category: CapCategory = "Safety"  # i18n: not shown (CAP's code)
    headline: str = Field(min_length=1, max_length=160)
    description: str = Field(min_length=1, max_length=4000)
    instruction: str = Field(default="", max_length=2000)
    urgency: CapUrgency
    severity: CapSeverity
    certainty: CapCertainty
    expires: AwareDatetime
    area_desc: str = Field(min_length=1, max_length=300)
    polygon: list[tuple[float, float]] | None = Field(default=None, min_length=3, max_length=500)
    circle: CapCircle | None = None
    language: Literal["en", "fr"] = "en"

    @model_validator(mode="after")
    def _one_area(self) -> CapWarningSave:
        if (self.polygon is None) == (self.circle is None):
            raise ValueError(tr("a warning's area is a polygon or a circle (one of them)"))
        for lat, lon in self.polygon or ():
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(tr("a polygon's corners are [lat, lon] in degrees"))
        return self


class AgencyRequestCreate(_Strict):
    agency: Agency
    reason: str = Field(min_length=1, max_length=1000)


class BookmarkCreate(_Strict):
    incident_id: str = Field(min_length=1, max_length=100)
    camera_id: str | None = Field(default=None, max_length=100)
    media_id: str | None = Field(default=None, max_length=100)
    start: str = Field(min_length=10, max_length=40)
    end: str = Field(min_length=10, max_length=40)
    labels: list[str] = Field(default_factory=list, max_length=20)
    note: str = Field(default="", max_length=2000)


class BookmarkUpdate(_Strict):
    labels: list[str] | None = Field(default=None, max_length=20)
    note: str | None = Field(default=None, max_length=2000)


class BookmarkLock(_Strict):
    reason: str = Field(min_length=3, max_length=500)


class WatchRuleCreate(_Strict):
    id: str | None = Field(default=None, min_length=1, max_length=100)
    name: str = Field(min_length=1, max_length=200)
    query: str = Field(min_length=1, max_length=2000)
    languages: list[str] = Field(default_factory=list, max_length=20)
    geofence: dict[str, Any] | None = None
    active: bool = True


class WatchRuleUpdate(_Strict):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    query: str | None = Field(default=None, min_length=1, max_length=2000)
    languages: list[str] | None = Field(default=None, max_length=20)
    geofence: dict[str, Any] | None = None
    active: bool | None = None


class PostLinkCreate(_Strict):
    incident_id: str = Field(min_length=1, max_length=100)


# --- reference data (admins; supervisors for units and cameras) ------------------------------------------
class UnitSave(_Strict):
    """A unit of the fleet, created or changed whole (`PUT /units/{id}`; the id is `callsign@agency`)."""

    callsign: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.:-]+$")
    agency: Agency
    type_common: str = Field(min_length=1, max_length=60)
    home_sector: str | None = Field(default=None, max_length=100)
    tracker_uid: str | None = Field(default=None, max_length=200)
    field_account: str | None = Field(default=None, max_length=200)
    """The account its crew logs in with on the field page (photos and videos to the unit's incidents)."""


class CameraCredentials(_Strict):
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=200)


class CameraSave(_Strict):
    """A camera, created or changed whole (`PUT /cameras/{id}`). Its `credentials` are stored apart and never
    sent back: left out, the stored ones stay; `remove_credentials` drops them."""

    name: str = Field(min_length=1, max_length=200)
    kind: Literal["fixed", "ptz", "body", "drone", "upload"] = "fixed"
    lat: float | None = Field(strict=True, default=None, ge=-90, le=90)
    lon: float | None = Field(strict=True, default=None, ge=-180, le=180)
    main_url: str = Field(min_length=1, max_length=1000)
    sub_url: str | None = Field(default=None, max_length=1000)
    archive_url: str | None = Field(default=None, max_length=1000)
    credentials: CameraCredentials | None = None
    remove_credentials: bool = False


class SectorSave(_Strict):
    """A sector (`PUT /sectors/{id}`): its name and a GeoJSON Polygon."""

    name: str = Field(min_length=1, max_length=100)
    geometry: dict[str, Any]


class IncidentTypeSave(_Strict):
    """An incident type (`PUT /incident-types/{code}`)."""

    names: dict[str, str] = Field(min_length=1)
    emsi_category: str | None = Field(default=None, max_length=40)
    eido_type: str | None = Field(default=None, max_length=100)
    priority: int = Field(strict=True, ge=0, le=10)
    agencies: list[Agency] = Field(min_length=1)


class AccountSave(_Strict):
    """A user account (`PUT /accounts/{username}`, admins): its role, a new password, disabled or not."""

    role: Literal["operator", "supervisor", "trainer", "admin", "field"]
    password: str | None = Field(default=None, min_length=12, max_length=200)
    disabled: bool = False


# --- citizens' media: the link sent to a caller, and what the page sends through it -----------------------------
MediaFileKind = Literal["photo", "video", "audio"]


def _whole(value: Any) -> Any:
    """JSON's 70.0 is the integer 70 (JSON Schema says so; a phone's JavaScript may send it); 70.5 and "70" are not."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


InviteMinutes = Annotated[int, Field(strict=True, ge=1, le=24 * 60), BeforeValidator(_whole)]
FileSize = Annotated[int, Field(strict=True, ge=1), BeforeValidator(_whole)]


class CallerInviteCreate(_Strict):
    """`POST /incidents/{id}/invites`: a one-time link for the caller; sent by the centre's SMS gateway when
    `number` is given and `send` is true."""

    number: str | None = Field(default=None, max_length=40, pattern=r"^\+?[0-9 ().-]{3,40}$")
    valid_minutes: InviteMinutes | None = None
    send: bool = True
    language: Literal["en", "fr"] = "en"


class UploadStart(_Strict):
    """`POST …/uploads`: a file about to come in chunks (`PUT …/uploads/{id}` with `Content-Range`)."""

    kind: MediaFileKind
    size: FileSize
    name: str | None = Field(default=None, max_length=200)
    captured_at: AwareDatetime | None = None
    lat: float | None = Field(strict=False, default=None, ge=-90, le=90)
    lon: float | None = Field(strict=False, default=None, ge=-180, le=180)
    accuracy_m: float | None = Field(strict=False, default=None, ge=0)


class CallerPositionIn(_Strict):
    """`POST /c/{link}/position`: the phone's position from the browser's Geolocation API."""

    lat: float = Field(strict=False, ge=-90, le=90)
    lon: float = Field(strict=False, ge=-180, le=180)
    accuracy_m: float | None = Field(strict=False, default=None, ge=0, le=100_000)


class CallerMessage(_Strict):
    """`POST /c/{link}/messages`: a text from the caller (kept as plain text)."""

    text: str = Field(min_length=1, max_length=4000)


class LiveOffer(_Strict):
    """`POST /c/{link}/live`: the phone's WebRTC offer (SDP); the answer comes back the same way."""

    sdp: str = Field(min_length=10, max_length=100_000)
    type: Literal["offer"]


# --- linking ---------------------------------------------------------------------------------------------------
class IncidentLinkCreate(_Strict):
    """`POST /incidents/{id}/links`: this incident and another are about the same event (or related)."""

    incident_id: str = Field(min_length=1, max_length=100)


class IncidentMerge(_Strict):
    """`POST /incidents/{id}/merge`: this incident is a duplicate of `into`: closed, its content moved there."""

    into: str = Field(min_length=1, max_length=100)
