"""EIDO between two real centres (two dispatchd processes, each its own domain): export, import, subscription.

Valmont's police (police.valmont.example) hands an incident to the neighbouring fire service
(fire.rivebelle.example): the EIDO round trip keeps the document but for the second centre's own identifiers;
a newer EIDO updates, an older one changes nothing; a partner subscribed over WebSocket (NENA-STA-024) receives
the incident's full state at each change.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from tests.support.dispatchd_process import DispatchdProcess

VALMONT, RIVEBELLE = "police.valmont.example", "fire.rivebelle.example"
FIRE = {
    "type_code": "FIRE-BLD",
    "type_text": "Building fire",
    "priority": 9,
    "location": {"lat": 45.7590, "lon": 4.8340, "address_text": "2 Place Bellecour", "uncertainty_m": 15.0},
    "note": "Smoke from the third floor, people at the windows.",
}


@pytest.fixture
def centres(tmp_path: Path) -> Iterator[tuple[DispatchdProcess, DispatchdProcess]]:
    valmont = DispatchdProcess(tmp_path / "valmont", "--demo", "--no-simulation", "--agency-domain", VALMONT)
    rivebelle = DispatchdProcess(tmp_path / "rivebelle", "--demo", "--no-simulation", "--agency-domain", RIVEBELLE)
    valmont.start(port=0)
    rivebelle.start(port=0)
    yield valmont, rivebelle
    valmont.stop()
    rivebelle.stop()


def _without_centre_identifiers(eido: dict[str, Any]) -> dict[str, Any]:
    """The document less what each centre names its own way: its incident number and its message's version."""
    document = json.loads(json.dumps(eido))
    del document["eidoMessageIdentifier"]
    del document["incidentComponent"]["localIncidentIdentifier"]
    return document


def test_an_eido_round_trip_keeps_the_document_and_a_newer_one_updates(
    centres: tuple[DispatchdProcess, DispatchdProcess],
) -> None:
    valmont, rivebelle = centres
    with valmont.api("supervisor") as a, rivebelle.api("operator") as b:
        incident = a.post("/incidents", json=FIRE).json()
        a.post(f"/incidents/{incident['id']}/notes", json={"text": "Ladder requested from Rivebelle."})
        exported = a.get(f"/incidents/{incident['id']}/eido").json()
        tracking = exported["incidentComponent"]["incidentTrackingIdentifier"]
        assert tracking.startswith("urn:emergency:uid:incidentid:") and tracking.endswith(f":{VALMONT}")

        created = b.post("/eido", json=exported)
        assert created.status_code == 201, created.text
        imported = created.json()["incident"]
        assert imported["origin"] == {"agency": VALMONT, "tracking_id": tracking, "number": incident["number"],
                                      "updated_at": exported["incidentComponent"]["lastUpdateTimeStamp"]}  # fmt: skip
        again = b.get(f"/incidents/{imported['id']}/eido").json()
        assert again["incidentComponent"]["localIncidentIdentifier"] == imported["number"]
        assert _without_centre_identifiers(again) == _without_centre_identifiers(exported), "the same document"

        assert b.post("/eido", json=exported).json()["outcome"] == "unchanged", "the same EIDO twice: once"
        a.patch(f"/incidents/{incident['id']}", json={"priority": 10}, headers={"If-Match": '"2"'}).raise_for_status()
        newer = a.get(f"/incidents/{incident['id']}/eido").json()
        updated = b.post("/eido", json=newer)
        assert updated.status_code == 200 and updated.json()["outcome"] == "updated"
        assert b.get(f"/incidents/{imported['id']}").json()["priority"] == 10
        assert b.post("/eido", json=exported).json()["outcome"] == "unchanged", "an older EIDO changes nothing"
        assert b.get(f"/incidents/{imported['id']}").json()["priority"] == 10
        assert len([i for i in b.get("/incidents").json() if (i.get("origin") or {}).get("tracking_id")]) == 1

        refused = a.post("/eido", json=exported)
        assert refused.status_code == 422 and "own incidents" in refused.json()["detail"]
        bad = {**exported, "incidentComponent": {**exported["incidentComponent"], "incidentTrackingIdentifier": "x"}}
        assert b.post("/eido", json=bad).status_code == 422


def test_a_partner_subscribed_over_websocket_receives_each_change_in_full(
    centres: tuple[DispatchdProcess, DispatchdProcess],
) -> None:
    valmont, _ = centres
    with valmont.api("supervisor") as a:
        url = valmont.url.replace("http://", "ws://") + "/api/v1/eido/subscriptions"
        with connect(url, additional_headers={"Authorization": f"Bearer {valmont.token('operator')}"}) as partner:
            partner.send(json.dumps({"subscribe": {"requestId": "r1", "requestType": "EIDO", "requestSubType": "new"}}))
            answer = json.loads(partner.recv(timeout=10))["subscribeResponse"]
            assert answer["statusCode"] == 200 and answer["requestId"] == "r1" and answer["subscriptionId"]

            incident = a.post("/incidents", json=FIRE).json()
            event = json.loads(partner.recv(timeout=10))["event"]
            assert event["subscriptionId"] == answer["subscriptionId"]
            (eido,) = event["notification"]
            assert eido["incidentComponent"]["localIncidentIdentifier"] == incident["number"]
            assert eido["notesComponent"][0]["notesActionComment"] == FIRE["note"]
            partner.send(json.dumps({"eventResponse": {"transactionId": event["transactionId"], "statusCode": 200}}))

            a.post(f"/incidents/{incident['id']}/notes", json={"text": "Two casualties evacuated."})
            (full,) = json.loads(partner.recv(timeout=10))["event"]["notification"]
            assert [n["notesActionComment"] for n in full["notesComponent"]] == [
                FIRE["note"],
                "Two casualties evacuated.",
            ]

            partner.send(json.dumps({"unsubscribe": {"requestId": "r2", "subscriptionId": answer["subscriptionId"]}}))
            assert json.loads(partner.recv(timeout=10))["unsubscribeResponse"]["statusCode"] == 200

        other = a.post("/incidents", json=FIRE).json()
        tracking = a.get(f"/incidents/{other['id']}").json()["tracking_id"]
        with connect(url, additional_headers={"Authorization": f"Bearer {valmont.token('operator')}"}) as single:
            single.send(
                json.dumps({"subscribe": {"requestId": "s", "requestSubType": "single", "incidentId": tracking}})
            )
            assert json.loads(single.recv(timeout=10))["subscribeResponse"]["statusCode"] == 200
            (first,) = json.loads(single.recv(timeout=10))["event"]["notification"]
            assert first["incidentComponent"]["incidentTrackingIdentifier"] == tracking, "its state at once"
            a.post("/incidents", json=FIRE)  # another incident: not this subscription's
            a.post(f"/incidents/{other['id']}/notes", json={"text": "Fire under control."})
            (next_one,) = json.loads(single.recv(timeout=10))["event"]["notification"]
            assert next_one["incidentComponent"]["incidentTrackingIdentifier"] == tracking

    with pytest.raises(InvalidStatus) as refused, connect(url):
        pass
    assert refused.value.response.status_code == 403, "no token, no incidents"
