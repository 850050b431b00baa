"""The entities as they travel between dispatchd and its consoles (names after NENA EIDO and EMSI).

dispatchd checks every entity it writes into an event against these models; the console parses what it
receives with them and keeps them as they are (frozen). Fields unknown to this version are ignored, so a newer
backend can add some; types are checked strictly (a priority is an integer, not "5"), times are RFC 3339 with
a time zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator


def _aware_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("a time needs its time zone")
    return moment.astimezone(UTC)


Time = Annotated[datetime, Field(strict=False), AfterValidator(_aware_utc)]
"""An RFC 3339 time, kept as an aware UTC datetime."""
Texts = Annotated[tuple[str, ...], Field(strict=False), BeforeValidator(lambda v: () if v is None else v)]
OrEmpty = Annotated[str, BeforeValidator(lambda v: "" if v is None else v)]


class WireModel(BaseModel):
    """Frozen, strict on types, tolerant of fields it does not know."""

    model_config = ConfigDict(frozen=True, strict=True, extra="ignore")


class Location(WireModel):
    """A place: WGS84 point, its uncertainty, an address and the centre's sector."""

    lat: float
    lon: float
    uncertainty_m: float | None = None
    address_text: str | None = None
    sector: str | None = None


class Note(WireModel):
    """A line in an incident's log, with its author."""

    id: str
    text: str
    author: str
    created_at: Time


class AgencyRequest(WireModel):
    """Another agency asked to take part in an incident."""

    agency: str
    reason: str
    requested_by: str
    requested_at: Time


class Caller(WireModel):
    name: str | None = None
    phone: str | None = None


class Origin(WireModel):
    """Where an incident imported from a partner centre comes from."""

    agency: str
    """The partner's domain (the last part of its incident tracking identifier)."""
    tracking_id: str
    number: OrEmpty = ""
    """The partner's own number for it (its `localIncidentIdentifier`)."""
    updated_at: Time
    """The partner's `lastUpdateTimeStamp` of the version we hold: an older EIDO is not applied."""


class Incident(WireModel):
    """An incident: what, how urgent, where, who is on it."""

    id: str
    number: str
    type_code: str
    type_text: str
    priority: int = Field(ge=0, le=10)
    status: str
    status_common: OrEmpty = ""
    location: Location
    agencies: Texts = ()
    assigned_units: Texts = ()
    notes: Annotated[tuple[Note, ...], Field(strict=False), BeforeValidator(lambda v: () if v is None else v)] = ()
    version: int
    created_at: Time
    updated_at: Time
    tracking_id: OrEmpty = ""
    emsi_category: str | None = None
    caller: Caller | None = None
    major_event: bool = False
    major_event_id: str | None = None
    agency_requests: Annotated[
        tuple[AgencyRequest, ...], Field(strict=False), BeforeValidator(lambda v: () if v is None else v)
    ] = ()
    exercise: bool = False
    """Part of a training exercise (EMSI MODE=EXERCS), not a real emergency."""
    origin: Origin | None = None
    """A partner centre's incident, imported from its EIDO: who sent it and when it last changed there."""
    linked_incidents: Texts = ()
    """Incidents an operator linked to this one (the same event seen twice, or related ones)."""
    merged_into: str | None = None
    """Closed as a duplicate of this incident (its units, media, notes and clips moved there)."""
    merged_from: Texts = ()

    @property
    def is_open(self) -> bool:
        return self.status in ("new", "active")

    @property
    def caller_name(self) -> str | None:
        return self.caller.name if self.caller else None

    @property
    def caller_phone(self) -> str | None:
        return self.caller.phone if self.caller else None


class Position(WireModel):
    """A unit's reported position (a CoT point: it goes stale at `stale_at`)."""

    lat: float
    lon: float
    course: float | None = None
    speed: float | None = None
    observed_at: Time
    stale_at: Time
    sector: str | None = None
    source: str | None = None
    """Where it came from: `cot` (a TAK client), `avl` (a vehicle's box, through the API), `demo`."""
    accuracy_m: float | None = None
    """The report's circular error (CoT `ce`), when the device gave one."""
    altitude_m: float | None = None
    """Height above the WGS84 ellipsoid (CoT `hae`), when the device gave one."""

    def is_stale(self, now: datetime) -> bool:
        return now >= self.stale_at


class Track(WireModel):
    """A TAK track that maps to no unit yet (CoT `uid`, `callsign`): a supervisor may map it to one."""

    uid: str
    callsign: str | None = None
    cot_type: OrEmpty = ""
    position: Position


class Unit(WireModel):
    """A resource: a patrol, an engine, an ambulance."""

    id: str
    callsign: str
    agency: str
    type_common: OrEmpty = ""
    primary_status: str
    secondary_status: str
    incident_id: str | None = None
    position: Position | None = None
    version: int
    home_sector: str | None = None
    tracker_uid: str | None = None
    """The uid its tracker or TAK client reports positions under (CoT `uid`)."""
    field_account: str | None = None
    """The account its crew sends photos and videos with from the field page."""
    retired: bool = False
    """Out of the fleet: kept for the incidents that name it, shown nowhere else."""

    def with_position(self, position: Position) -> Unit:
        return self.model_copy(update={"position": position})


class CameraStream(WireModel):
    main_url: str | None = None
    sub_url: str | None = None


class Camera(WireModel):
    """A video source: its streams (sub for the grid, main when enlarged) and its archive."""

    id: str
    name: str
    kind: str = "fixed"
    location: Location | None = None
    stream: CameraStream = CameraStream()
    archive_url: str | None = None
    status: str = "unknown"
    version: int
    has_credentials: bool = False
    """The camera needs a login, which travels apart from this description (`GET /cameras/{id}/streams`)."""
    retired: bool = False
    incident_id: str | None = None
    """A caller's live video (kind `caller`) belongs to this incident."""

    @property
    def main_url(self) -> str | None:
        return self.stream.main_url

    @property
    def sub_url(self) -> str | None:
        return self.stream.sub_url


class PhotoFacts(WireModel):
    """What a photo's own EXIF says: when (the camera's clock; with its offset when it gives one) and where."""

    taken_at: str | None = None
    lat: float | None = None
    lon: float | None = None


class MediaItem(WireModel):
    """A photo, video, sound or text attached to an incident."""

    id: str
    incident_id: str
    kind: str
    mime_type: str
    size: int
    sha256: str
    source: str = "unknown"
    received_at: Time
    captured_at: Time | None = None
    text: str | None = None
    name: str | None = None
    location: Location | None = None
    """Where it was sent from (the sender's phone, with its accuracy as `uncertainty_m`)."""
    exif: PhotoFacts | None = None
    """A photo's EXIF time and position (the stored original is never changed: its hash is the evidence)."""


class CallerInvite(WireModel):
    """A link given to a caller (or a witness) to send photos, videos, messages, their position and live video
    to one incident. The link itself never travels in an event: only the operator who made it sees it."""

    ref: str
    incident_id: str
    created_by: str
    created_at: Time
    expires_at: Time
    state: str = "open"
    """`open`, `used` (something came through it), `expired`, `revoked`."""
    number: str | None = None
    sent_by: OrEmpty = ""
    """How the link went to the caller: `sms`, `webhook`, `log` (the demo), or "" (given by the operator)."""
    used_at: Time | None = None
    items: int = 0


class CallerPosition(WireModel):
    """Where a caller's phone says it is (the browser's Geolocation API), with its accuracy."""

    incident_id: str
    invite_ref: OrEmpty = ""
    lat: float
    lon: float
    accuracy_m: float | None = None
    at: Time


class EvidenceLock(WireModel):
    """Who locked a clip as evidence, when and why."""

    by: str
    at: Time
    reason: str


class Bookmark(WireModel):
    """A clip of a camera or a video tagged to an incident (to the frame, in UTC)."""

    id: str
    incident_id: str
    camera_id: str | None = None
    media_id: str | None = None
    start: Time
    end: Time
    labels: Texts = ()
    note: OrEmpty = ""
    created_by: str
    lock: EvidenceLock | None = None
    version: int

    @model_validator(mode="after")
    def _one_source(self) -> Bookmark:
        if (self.camera_id is None) == (self.media_id is None):
            raise ValueError("a bookmark is of one camera or one video")
        return self

    @property
    def locked(self) -> bool:
        return self.lock is not None


class PostLink(WireModel):
    """A post kept with an incident: by whom, when, and the sha256 of its text and metadata then."""

    by: str
    at: Time
    sha256: str


class PostLocation(WireModel):
    lat: float
    lon: float


class SocialPost(WireModel):
    """A post or article collected by the backend. `text` is plain text from outside: escape it everywhere."""

    id: str
    platform: str
    source_id: OrEmpty = ""
    author: OrEmpty = ""
    text: str
    posted_at: Time
    url: str | None = None
    lang: str | None = None
    location: PostLocation | None = None
    incident_id: str | None = None
    link: PostLink | None = None
    version: int = 1

    @property
    def lat(self) -> float | None:
        return self.location.lat if self.location else None

    @property
    def lon(self) -> float | None:
        return self.location.lon if self.location else None

    @property
    def position(self) -> tuple[float, float] | None:
        return None if self.location is None else (self.location.lat, self.location.lon)


class WatchRule(WireModel):
    """A watch rule as shared through the backend (the query as typed; the social watch compiles it)."""

    id: str
    name: str
    query: str
    languages: Texts = ()
    geofence: dict[str, Any] | None = None
    active: Annotated[bool, BeforeValidator(lambda v: True if v is None else v)] = True
    version: int

    def to_body(self) -> dict[str, Any]:
        """What the backend takes to create or change it."""
        return {
            "name": self.name,
            "query": self.query,
            "languages": list(self.languages),
            "geofence": dict(self.geofence) if self.geofence else None,
            "active": self.active,
        }


class SocialSource(WireModel):
    """A feed, a Mastodon server or the demo generator, and how its polling goes."""

    id: str
    kind: OrEmpty = ""
    name: OrEmpty = ""
    state: Annotated[str, BeforeValidator(lambda v: "starting" if v is None else v)] = "starting"
    last_error: str | None = None
    retry_at: Time | None = None
    last_ok: Time | None = None
    posts: Annotated[int, BeforeValidator(lambda v: 0 if v is None else v)] = 0
    version: int

    @model_validator(mode="after")
    def _named(self) -> SocialSource:
        if not self.name:
            object.__setattr__(self, "name", self.id)
        return self


class Sector(WireModel):
    """A named area of the centre (a GeoJSON polygon): the incidents and units in it carry its name."""

    id: str
    name: str
    geometry: dict[str, Any]
    version: int
    retired: bool = False


class IncidentType(WireModel):
    """A line of the centre's incident type table."""

    code: str
    text: str
    """The name in the centre's language (what the call form lists)."""
    names: dict[str, str] = {}
    """The name in each language the centre uses (`en`, `fr`)."""
    emsi_category: str | None = None
    eido_type: str | None = None
    """The EIDO common incident type registry's name."""
    priority: int = Field(ge=0, le=10)
    """The priority suggested for a new incident of this type."""
    agencies: Texts = ()
    """The agencies alerted for it."""
    version: int = 1
    retired: bool = False

    @property
    def id(self) -> str:
        return self.code


class BaseMap(WireModel):
    """The centre's base map that dispatchd serves (`GET /map/file`, `GET /map/tiles/{z}/{x}/{y}`)."""

    id: str = "base"
    name: str
    format: str
    sha256: str
    size: int
    min_zoom: int
    max_zoom: int
    tiles: int
    bounds: str | None = None
    center: str | None = None
    attribution: str | None = None
    version: int
