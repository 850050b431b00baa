"""Duplicate calls: which open incidents a new call may be about (the family's distance and time), ranked; the
index that serves them from what the backend holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from dispatch_protocol.geo import distance_m
from dispatchd.context import AppContext
from dispatchd.linking.duplicates import Known, candidates
from dispatchd.linking.families import family_of
from dispatchd.linking.places import hot_spots
from dispatchd.linking.post_match import says, street_words, words
from dispatchd.social.posts import CollectedPost, store_posts
from tests.conftest import INCIDENT
from tests.support.eventually import eventually
from tests.unit.dispatchd.test_bookmarks import CLIP
from tests.unit.dispatchd.test_social_api import add_posts

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)  # the matcher is given its clock: any date does
NORTH_100M = 100 / 111_195  # degrees of latitude


def _known(incident_id: str, family: str, metres_north: float, minutes_ago: float, status: str = "active") -> Known:
    return Known(incident_id, f"2030-{incident_id}", family, 45.76 + metres_north / 111_195, 4.835,
                 NOW - timedelta(minutes=minutes_ago), status)  # fmt: skip


def test_families_come_from_the_emsi_category_or_the_code() -> None:
    assert family_of("FIRE-BLD", "FIR/BLD") == "fire" and family_of("X1", "FIR/VEH") == "fire"
    assert family_of("FIGHT", "PSW/RIOT") == "violence" and family_of("RIOT", "PSW/RIOT") == "gathering"
    assert family_of("RTA", "ROA/ACC") == "road" and family_of("CARDIAC", "MED/CAR") == "medical"
    assert family_of("ASSAULT", "PSW/CRIME") == "crime" and family_of("NOISE", "PSW/NUIS") == "other"
    assert family_of("FIRE", None) == "fire"


def test_a_call_is_offered_the_incidents_within_its_familys_distance_and_time() -> None:
    known = [
        _known("fire-near", "fire", 250, 20),  # a fire is seen from 300 m, for 30 min
        _known("fire-far", "fire", 350, 5),
        _known("fire-old", "fire", 50, 40),
        _known("fire-closed", "fire", 10, 1, status="closed"),
        _known("fight", "violence", 20, 1),  # another family
    ]
    assert [c.incident.id for c in candidates("fire", 45.76, 4.835, NOW, known)] == ["fire-near"]
    fights = [_known("fight-near", "violence", 80, 5), _known("fight-150m", "violence", 150, 1),
              _known("fight-12min", "violence", 20, 12), _known("assault", "crime", 90, 8)]  # fmt: skip
    found = candidates("violence", 45.76, 4.835, NOW, fights)
    assert [c.incident.id for c in found] == ["fight-near", "assault"], "a fight: 100 m and 10 min; assault related"
    assert found[0].score > found[1].score and round(found[0].distance_m) == 80 and found[0].age_s == 300


def test_nearer_and_newer_rank_first() -> None:
    known = [_known("a", "fire", 200, 2), _known("b", "fire", 20, 2), _known("c", "fire", 20, 25)]
    assert [c.incident.id for c in candidates("fire", 45.76, 4.835, NOW, known)] == ["b", "c", "a"]


def test_twenty_callers_around_one_fire_find_it_through_the_api(api: TestClient) -> None:
    fire = {"type_code": "FIRE-BLD", "priority": 8, "location": {"lat": 45.7604, "lon": 4.8360,
            "address_text": "14 Rue de la République"}}  # fmt: skip
    made = api.post("/api/v1/incidents", json=fire).json()
    elsewhere = api.post("/api/v1/incidents", json={**fire, "location": {"lat": 45.75, "lon": 4.85}}).json()

    def offered(lat: float = 45.7604, lon: float = 4.8361, type_code: str = "FIRE-BLD") -> list[dict[str, Any]]:
        answer = api.get("/api/v1/linking/duplicates", params={"type_code": type_code, "lat": lat, "lon": lon})
        assert answer.status_code == 200
        return list(answer.json())

    eventually(lambda: offered(), 5, "the new incident indexed (the event feed follows every commit)")
    for k in range(19):  # callers all around it, up to ~250 m away
        lat, lon = 45.7604 + (k % 5 - 2) * NORTH_100M * 0.9, 4.8360 + (k // 5 - 2) * 0.0011
        assert distance_m(lat, lon, 45.7604, 4.8360) < 300
        found = offered(lat, lon, "FIRE-VEH")
        assert found[0]["incident_id"] == made["id"], f"caller {k}"
        assert elsewhere["id"] not in [c["incident_id"] for c in found]
    top = offered()[0]
    assert set(top) == {"incident_id", "number", "type_text", "address", "distance_m", "age_s", "score"}
    assert top["address"] == "14 Rue de la République" and top["distance_m"] == 8
    assert api.patch(f"/api/v1/incidents/{made['id']}", json={"status": "closed"}).status_code == 200
    eventually(lambda: made["id"] not in [c["incident_id"] for c in offered()], 5, "a closed incident not offered")


def test_a_duplicate_merged_moves_its_units_media_notes_clips_and_posts_and_is_audited(api: TestClient) -> None:
    keep = api.post("/api/v1/incidents", json={**INCIDENT, "note": "First caller: a fight"}).json()
    dup = api.post("/api/v1/incidents", json={**INCIDENT, "note": "Second caller: men fighting"}).json()
    unit = next(u for u in api.get("/api/v1/units").json() if u["secondary_status"] == "Available")
    assert api.post(f"/api/v1/incidents/{dup['id']}/assignments", json={"unit_id": unit["id"]}).status_code == 201
    photo = api.post(f"/api/v1/incidents/{dup['id']}/media", data={"kind": "text", "text": "Seen from my window"})
    clip = api.post("/api/v1/bookmarks", json={**CLIP, "incident_id": dup["id"], "note": "the fight"}).json()
    add_posts(api, 1)
    post = api.get("/api/v1/social/posts").json()["posts"][0]
    assert api.post(f"/api/v1/social/posts/{post['id']}/link", json={"incident_id": dup["id"]}).status_code == 200

    linked = api.post(f"/api/v1/incidents/{dup['id']}/links", json={"incident_id": keep["id"]})
    assert linked.status_code == 201 and linked.json()["linked_incidents"] == [keep["id"]]
    assert api.get(f"/api/v1/incidents/{keep['id']}").json()["linked_incidents"] == [dup["id"]], "both sides"
    eido = api.get(f"/api/v1/incidents/{dup['id']}/eido").json()["incidentComponent"]
    assert eido["incidentLinkedIncidentReference"] == [keep["tracking_id"]]

    merged = api.post(f"/api/v1/incidents/{dup['id']}/merge", json={"into": keep["id"]})
    assert merged.status_code == 200, merged.text
    moved = merged.json()
    assert (moved["units"], moved["media"], moved["clips"], moved["posts"], moved["notes"]) == (
        [unit["id"]], [photo.json()["id"]], [clip["id"]], [post["id"]], 1)  # fmt: skip
    after = api.get(f"/api/v1/incidents/{keep['id']}").json()
    gone = api.get(f"/api/v1/incidents/{dup['id']}").json()
    assert (gone["status"], gone["merged_into"], gone["assigned_units"]) == ("closed", keep["id"], [])
    assert unit["id"] in after["assigned_units"] and after["merged_from"] == [dup["id"]]
    assert [n["text"] for n in after["notes"]] == ["First caller: a fight",
                                                   f"[{dup['number']}] Second caller: men fighting"]  # fmt: skip
    assert api.get(f"/api/v1/units/{unit['id']}").json()["incident_id"] == keep["id"], "the unit still busy, there"
    assert api.get(f"/api/v1/media/{photo.json()['id']}").json()["incident_id"] == keep["id"]
    assert api.get(f"/api/v1/bookmarks/{clip['id']}").json()["incident_id"] == keep["id"]
    trail = api.get("/api/v1/audit", params={"entity_type": "incident"}).json()
    entries = [e for e in (trail.get("entries", trail) if isinstance(trail, dict) else trail)
               if e.get("action") in ("incident.merge", "incident.link")]  # fmt: skip
    assert [e["action"] for e in entries][-2:] == ["incident.link", "incident.merge"]
    assert api.post(f"/api/v1/incidents/{dup['id']}/merge", json={"into": keep["id"]}).status_code == 409
    timeline = [e["type"] for e in api.get(f"/api/v1/incidents/{keep['id']}/timeline").json()]
    assert "media.added" in timeline and "bookmark.updated" in timeline, "what moved is on the kept one's timeline"


def test_posts_about_an_incident_are_suggested_and_a_dismissed_one_stays_dismissed(api: TestClient) -> None:
    fire = {"type_code": "FIRE-BLD", "priority": 8, "location": {"lat": 45.7604, "lon": 4.8360,
            "address_text": "27 Rue Paul Bert, Valmont"}}  # fmt: skip
    incident = api.post("/api/v1/incidents", json=fire).json()
    now = datetime.now(UTC)
    north = 45.7604 + 150 / 111_195

    def post(native: str, text: str, minutes: float, lat: float | None = None) -> CollectedPost:
        return CollectedPost(platform="demo", native_id=native, text=text, posted_at=now + timedelta(minutes=minutes),
                             author="@x", url=None, lang="fr", lat=lat, lon=4.8360 if lat else None)  # fmt: skip

    with _ctx(api).storage.transaction() as tx:
        store_posts(tx, "demo", [
            post("near", "Fumée noire partout, ça brûle", 2, north),  # geotagged 150 m away, says what
            post("words", "gros incendei rue paul bert, les pompiers arrivent", 4),  # no geotag: what and where
            post("chatter", "Le marché de la place est super ce matin", 3, north),  # near, says nothing of it
            post("far", "Incendie énorme à l'autre bout de la ville", 3, 45.80),
            post("before", "Incendie rue Paul Bert", -60),  # an hour before the call: another fire
            post("other-number", "Incendie au 3 Rue Paul Bert", 5),  # the same street, not the same house
        ])  # fmt: skip
    url = f"/api/v1/incidents/{incident['id']}/post-suggestions"
    suggested = {s["post"]["text"]: s for s in api.get(url).json()}
    texts = sorted(suggested)
    assert texts == ["Fumée noire partout, ça brûle", "gros incendei rue paul bert, les pompiers arrivent"]
    by_text = suggested
    assert by_text["Fumée noire partout, ça brûle"]["why"] == "near" and by_text[texts[0]]["distance_m"] == 150
    assert by_text[texts[1]]["why"] == "words" and by_text[texts[1]]["distance_m"] is None
    near_id = by_text["Fumée noire partout, ça brûle"]["post"]["id"]
    assert api.post(f"{url}/{near_id}/dismiss").status_code == 200
    assert [s["post"]["text"] for s in api.get(url).json()] == [texts[1]], "dismissed: not suggested again"
    words_id = by_text[texts[1]]["post"]["id"]
    assert api.post(f"/api/v1/social/posts/{words_id}/link", json={"incident_id": incident["id"]}).status_code == 200
    assert api.get(url).json() == [], "linked: no longer a suggestion"
    kinds = [e["type"] for e in api.get(f"/api/v1/incidents/{incident['id']}/timeline").json()]
    assert "suggestion.dismissed" in kinds


def _ctx(api: TestClient) -> AppContext:
    ctx: AppContext = api.app.state.ctx  # type: ignore[attr-defined]
    return ctx


def test_words_forgive_accents_hashtags_and_one_typo() -> None:
    assert words("#Incendie à la République !") == ["incendie", "a", "la", "republique"]
    assert says(words("gros incendei"), ["incendie"]) and says(words("bagare"), ["bagarre"])
    assert not says(words("fir"), ["fire"]), "no typo forgiven in a short word"
    assert street_words("14 Rue de la République, Valmont") == ["republique"]


def test_a_place_with_three_incidents_in_thirty_days_is_flagged_with_the_list(api: TestClient) -> None:
    at = {"lat": 45.7500, "lon": 4.8400, "address_text": "12 Rue Pasteur, Valmont"}
    made = []
    for k, (lat_shift, address) in enumerate(((0, at["address_text"]), (30, "face au 12 rue pasteur"),
                                              (400, "12 rue Pasteur"), (0, at["address_text"]))):  # fmt: skip
        location = {**at, "lat": at["lat"] + lat_shift / 111_195, "address_text": address}
        made.append(api.post("/api/v1/incidents", json={**INCIDENT, "location": location}).json())
        if k == 1:
            api.patch(f"/api/v1/incidents/{made[0]['id']}", json={"status": "closed"})
    elsewhere = {**at, "lat": 45.7509, "address_text": "30 Rue Pasteur"}
    other = api.post("/api/v1/incidents", json={**INCIDENT, "location": elsewhere}).json()

    def flagged(incident_id: str) -> dict[str, Any]:
        return dict(api.get(f"/api/v1/incidents/{incident_id}/repeat-place").json())

    eventually(lambda: flagged(made[3]["id"])["count"] == 4, 5, "every incident indexed")
    listed = flagged(made[3]["id"])["incidents"]
    assert [i["number"] for i in listed] == [m["number"] for m in made], "oldest first, closed ones too"
    assert listed[0]["status"] == "closed" and listed[2]["address"] == "12 rue Pasteur", "the same house, 400 m off"
    assert flagged(other["id"]) == {"count": 0, "incidents": []}, "100 m away, another house: not here"


def test_hot_spots_count_the_recorded_incidents_by_hexagon_and_family() -> None:
    def at(incident_id: str, family: str, north: float, days_ago: float) -> Known:
        return Known(incident_id, incident_id, family, 45.76 + north / 111_195, 4.835, NOW - timedelta(days=days_ago),
                     "closed")  # fmt: skip

    incidents = [at("a", "violence", 0, 1), at("b", "violence", 20, 2), at("c", "fire", 40, 3),
                 at("d", "violence", 2000, 1), at("e", "violence", 0, 20)]  # fmt: skip
    week = hot_spots(incidents, NOW, 7, 200.0)
    assert [(b.count, b.families) for b in week] == [(3, {"violence": 2, "fire": 1}), (1, {"violence": 1})]
    assert len(week[0].corners) == 6 and distance_m(week[0].lat, week[0].lon, 45.76, 4.835) < 200
    assert sum(b.count for b in hot_spots(incidents, NOW, 30, 200.0)) == 5, "a month: the older one too"
    assert [b.count for b in hot_spots(incidents, NOW, 7, 200.0, "fire")] == [1]
