"""The demo's social media: quiet background chatter in French and English, and bursts around incidents.

A connector like the others (it answers `fetch()` with the posts published since the last call), so the demo
goes through the same storage, dedupe, events and source status as a real feed. On its first start it also
writes the last 24 hours of chatter (with two old bursts), so the consoles' charts have a history.

Bursts: soon after a visible incident (fight, fire, crash, gathering…) opens, people nearby post about it:
10 to 16 posts a minute for a few minutes, most of them geotagged within a few hundred metres.
"""

from __future__ import annotations

import asyncio
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from dispatchd.demo.city import City
from dispatchd.social.posts import CollectedPost

IncidentLookup = Callable[[], list[dict[str, Any]]]

AUTHORS = (
    "lea_valmont",
    "jb.martin",
    "karim_69",
    "sophie.d",
    "valmont_info",
    "mat_velo",
    "chloe.r",
    "nico_lyon",
    "amina.b",
    "tom_in_valmont",
    "camille_photo",
    "yanis.k",
    "marie_quai",
    "pierre_g",
    "julie.runs",
    "valmont_trafic",
    "ines_m",
    "hugo.b",
    "sarah_c",
    "lucas_dj",
    "emma.w",
    "noah_f",
    "zoe_valmont",
    "alex.t",
)
CHATTER = {
    "fr": (
        "Quel beau soleil sur {place} ce matin",
        "Le marché est bondé aujourd'hui, les fraises sont arrivées",
        "Encore un retard sur la ligne 4, 10 min d'attente",
        "Quelqu'un sait à quelle heure ferme la médiathèque ?",
        "Concert ce soir vers {place}, qui vient ?",
        "Trop de monde au café, je rentre",
        "Petit tour à vélo le long des quais, c'est calme",
        "Le feu rouge {place} est en panne depuis hier",
        "Match à 21h, allez Valmont !",
        "Travaux {place}, ça ralentit un peu",
        "Bouchon habituel sur le boulevard à cette heure",
        "Superbe coucher de soleil sur le pont",
    ),
    "en": (
        "Lovely morning in Valmont, coffee near {place}",
        "Anyone know a good bakery around {place}?",
        "Bus 12 late again, as usual",
        "Great street musician at {place} right now",
        "Quiet evening in the old town",
        "Roadworks near {place}, expect some delays",
        "Just finished a run along the river",
        "Match tonight at the stadium, who's going?",
    ),
}
BURSTS = {  # incident family → posts in French and English ({place}: the incident's street)
    "violence": {
        "fr": (
            "Bagarre devant {place}, ça dégénère #Valmont",
            "Grosse rixe {place}, plusieurs personnes au sol",
            "Ça se bat encore {place}, la police arrive ?",
            "Bagarre générale {place}, tout le monde court",
            "J'ai vu des coups de couteau ?? {place} c'est la panique",
            "Rixe en cours {place}, évitez le coin",
        ),
        "en": (
            "Huge fight outside {place} right now",
            "People fighting near {place}, someone is hurt #Valmont",
            "Fight at {place}, police sirens everywhere",
        ),
    },
    "fire": {
        "fr": (
            "Énorme fumée noire au-dessus de {place}",
            "Incendie {place}, les pompiers arrivent #incendie",
            "Ça brûle vers {place}, on voit les flammes du pont",
            "Odeur de fumée partout {place}, fermez les fenêtres",
            "Le feu a l'air de prendre {place}",
        ),
        "en": (
            "Fire near {place}, black smoke everywhere",
            "Big fire at {place}, fire trucks just passed",
            "Smoke over {place}, can see it from miles",
        ),
    },
    "road": {
        "fr": (
            "Accident grave {place}, circulation bloquée",
            "Carambolage {place}, évitez le secteur #bouchon",
            "Accident {place}, une moto au sol, les secours arrivent",
            "Tout est bloqué {place} suite à un accident",
        ),
        "en": (
            "Crash on {place}, ambulance on its way",
            "Bad accident at {place}, traffic at a standstill",
        ),
    },
    "gathering": {
        "fr": (
            "Rassemblement qui grossit {place} #manif",
            "Manifestation non déclarée {place}, beaucoup de monde",
            "Ça chauffe {place}, la foule ne se disperse pas #manif",
        ),
        "en": (
            "Crowd gathering at {place}, police vans arriving",
            "Protest growing near {place} #manif",
        ),
    },
}
FAMILY_OF_TYPE = {
    "FIGHT": "violence",
    "ASSAULT": "violence",
    "RIOT": "gathering",
    "FIRE-BLD": "fire",
    "FIRE-VEH": "fire",
    "RTA": "road",
    "RTA-MIN": "road",
}
DEMO_RULES: tuple[tuple[str, str, str, list[str]], ...] = (
    ("rule-violence", "Violence on the public way", 'bagarre OR rixe OR "coups de couteau" OR fight OR fighting', []),
    ("rule-fire", "Fire and smoke", "incendie OR fumée OR brûle OR flammes OR fire OR smoke OR #incendie", []),
    ("rule-road", "Road accidents", "accident OR carambolage OR crash OR collision", []),
    ("rule-gathering", "Gatherings", "#manif OR manifestation OR rassemblement OR crowd OR protest", []),
)
DEMO_RULE_NAMES_FR = {
    "rule-violence": "Violences sur la voie publique",
    "rule-fire": "Feux et fumées",
    "rule-road": "Accidents de la route",
    "rule-gathering": "Rassemblements",
}
BURST_CHANCE = 0.5  # a minor incident is posted about half the time
LOUD_PRIORITY = 6  # a serious one always is
NEW_INCIDENT_S = 600.0  # an incident older than this no longer starts a burst
DAY = timedelta(hours=24)


@dataclass
class Burst:
    incident_id: str
    family: str
    place: str
    lat: float
    lon: float
    start: datetime
    minutes: float
    peak_per_min: float

    def rate_at(self, moment: datetime) -> float:
        """Posts per minute: a quick rise, a plateau, a slow end."""
        t = (moment - self.start).total_seconds() / 60.0
        if t < 0 or t > self.minutes:
            return 0.0
        return self.peak_per_min * min(1.0, t / 1.0, (self.minutes - t) / 2.0 + 0.2)


def chatter_rate(moment: datetime) -> float:
    """Background posts per minute by hour of the day (quiet at night)."""
    hour = moment.hour + moment.minute / 60
    return 0.4 + 1.6 * max(0.0, math.sin(math.pi * (hour - 6) / 18)) if 6 <= hour <= 24 else 0.4


class DemoChatter:
    """The demo source: `fetch()` returns what was posted since the last call."""

    def __init__(
        self,
        city: City,
        seed: int,
        incidents: IncidentLookup,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        backfill: timedelta = DAY,
    ) -> None:
        self._city = city
        self._seed = seed
        self._rng = random.Random(seed * 7919)
        self._incidents = incidents
        self._now = now
        self._backfill = backfill
        self._until: datetime | None = None
        self._count = 0
        self._seen: set[str] = set()
        self._bursts: list[Burst] = []
        self.truth: dict[str, str] = {}
        """Which post (native id) the demo wrote about which incident: what `bench/linking.py` scores against."""

    # --- the connector protocol -------------------------------------------------------------
    async def fetch(self, _http: httpx.AsyncClient) -> list[CollectedPost]:
        return await asyncio.to_thread(self._fetch)  # reads the open incidents from storage

    def _fetch(self) -> list[CollectedPost]:
        now = self._now()
        if self._until is None:
            self._until = now - self._backfill
            self._old_bursts(now)
        posts = self.generate(self._until, now)
        self._until = now
        return posts

    def cursor(self) -> dict[str, Any]:
        return {"until": self._until.isoformat() if self._until else None, "count": self._count}

    def resume(self, cursor: dict[str, Any]) -> None:
        if cursor.get("until"):
            self._until = max(datetime.fromisoformat(cursor["until"]), self._now() - timedelta(minutes=10))
        self._count = int(cursor.get("count") or 0)

    # --- generation --------------------------------------------------------------------------
    def generate(self, start: datetime, end: datetime) -> list[CollectedPost]:
        """Posts with times in (start, end], oldest first."""
        self._start_bursts(end)
        posts: list[CollectedPost] = []
        minute = start
        while minute < end:
            step_end = min(end, minute + timedelta(minutes=1))
            span_min = (step_end - minute).total_seconds() / 60.0
            for _ in range(self._poisson(chatter_rate(minute) * span_min)):
                posts.append(self._chatter(self._between(minute, step_end)))
            for burst in self._bursts:
                for _ in range(self._poisson(burst.rate_at(minute) * span_min)):
                    posts.append(self._burst_post(burst, self._between(minute, step_end)))
            minute = step_end
        self._bursts = [b for b in self._bursts if b.start + timedelta(minutes=b.minutes) > end]
        posts.sort(key=lambda p: p.posted_at)
        return posts

    def _start_bursts(self, now: datetime) -> None:
        for incident in self._incidents():
            incident_id = incident["id"]
            if incident_id in self._seen:
                continue
            self._seen.add(incident_id)
            family = FAMILY_OF_TYPE.get(incident.get("type_code", ""))
            created = datetime.fromisoformat(incident["created_at"].replace("Z", "+00:00"))
            if family is None or (now - created).total_seconds() > NEW_INCIDENT_S or incident["status"] == "closed":
                continue
            if incident.get("priority", 0) >= LOUD_PRIORITY or self._rng.random() < BURST_CHANCE:
                location = incident["location"]
                place = (location.get("address_text") or "").split(",")[0] or "le centre"
                self._bursts.append(
                    Burst(
                        incident_id,
                        family,
                        place,
                        location["lat"],
                        location["lon"],
                        now + timedelta(seconds=self._rng.uniform(5, 40)),
                        self._rng.uniform(4, 7),
                        self._rng.uniform(10, 16),
                    )
                )

    def _old_bursts(self, now: datetime) -> None:
        """Two bursts in the backfilled day, so the 24-hour chart has its own history of spikes."""
        for hours_ago in (self._rng.uniform(3, 8), self._rng.uniform(12, 20)):
            lat, lon, address, _ = self._city.random_point(self._rng)
            family = self._rng.choice(sorted(BURSTS))
            self._bursts.append(
                Burst("", family, address.split(",")[0], lat, lon, now - timedelta(hours=hours_ago), 5.0, 9.0)
            )

    def _poisson(self, mean: float) -> int:
        if mean <= 0:
            return 0
        limit, k, p = math.exp(-mean), 0, self._rng.random()
        while p > limit:
            k += 1
            p *= self._rng.random()
        return k

    def _between(self, start: datetime, end: datetime) -> datetime:
        return start + (end - start) * self._rng.random()

    def _post(self, text: str, lang: str, when: datetime, lat: float | None, lon: float | None) -> CollectedPost:
        self._count += 1
        return CollectedPost(
            platform="demo",
            native_id=f"{self._seed}:{self._count}",
            text=text,
            posted_at=when,
            author="@" + self._rng.choice(AUTHORS),
            url=None,
            lang=lang,
            lat=lat,
            lon=lon,
        )

    def _chatter(self, when: datetime) -> CollectedPost:
        lang = "fr" if self._rng.random() < 0.7 else "en"
        lat, lon, address, _ = self._city.random_point(self._rng)
        text = self._rng.choice(CHATTER[lang]).format(place=address.split(",")[0])
        geotagged = self._rng.random() < 0.3
        return self._post(text, lang, when, lat if geotagged else None, lon if geotagged else None)

    def _burst_post(self, burst: Burst, when: datetime) -> CollectedPost:
        lang = "fr" if self._rng.random() < 0.75 else "en"
        text = self._rng.choice(BURSTS[burst.family][lang]).format(place=burst.place)
        if burst.incident_id:
            self.truth[f"{self._seed}:{self._count + 1}"] = burst.incident_id
        if self._rng.random() < 0.8:
            distance, angle = self._rng.uniform(20, 350), self._rng.uniform(0, 2 * math.pi)
            lat = burst.lat + distance * math.cos(angle) / 111_320
            lon = burst.lon + distance * math.sin(angle) / (111_320 * math.cos(math.radians(burst.lat)))
            return self._post(text, lang, when, lat, lon)
        return self._post(text, lang, when, None, None)
