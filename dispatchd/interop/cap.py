"""Public warnings as OASIS CAP 1.2: each message's XML, and the Atom feed of the current ones.

A supervisor writes a warning from a major event; each version is a CAP message of its own (its identifier, its
`sent`): the first is an `Alert`, a change an `Update` and a withdrawal a `Cancel`, each `references` naming the
one before as `sender,identifier,sent`. The feed lists the newest message of every warning not yet expired
(a cancel stays listed until the warning would have expired, so readers learn of it).
Texts are the supervisor's: ElementTree escapes them; times are CAP's `YYYY-MM-DDThh:mm:ss+00:00` (no "Z").
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

from dispatch_protocol.warnings import newest_per_warning
from dispatchd.clock import parse_utc

CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2"
ATOM_NS = "http://www.w3.org/2005/Atom"
CAP_ALERT = "cap_alert"
"""Storage kind: one record per message (Alert, Update, Cancel)."""

ET.register_namespace("cap", CAP_NS)  # inside the Atom feed; a message alone has CAP as its default namespace
ET.register_namespace("atom", ATOM_NS)


def cap_time(moment: datetime | str) -> str:
    if isinstance(moment, str):
        moment = parse_utc(moment)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def reference_of(message: dict[str, Any]) -> str:
    return f"{message['sender']},{message['identifier']},{cap_time(message['sent'])}"


def polygon_text(points: list[list[float]]) -> str:
    """CAP's polygon: `lat,lon` pairs separated by spaces, the first repeated last."""
    ring = [*points, points[0]] if points[0] != points[-1] else points
    return " ".join(f"{lat:.6f},{lon:.6f}" for lat, lon in ring)


def _sub(parent: ET.Element, name: str, text: str | None) -> None:
    if text:
        ET.SubElement(parent, f"{{{CAP_NS}}}{name}").text = text


def alert_element(message: dict[str, Any]) -> ET.Element:
    """One CAP 1.2 `<alert>` (children in the schema's order)."""
    alert = ET.Element(f"{{{CAP_NS}}}alert")
    for name, value in (
        ("identifier", message["identifier"]),
        ("sender", message["sender"]),
        ("sent", cap_time(message["sent"])),
        ("status", message.get("status", "Actual")),
        ("msgType", message["msg_type"]),
        ("scope", "Public"),
        ("references", message.get("references")),
        ("incidents", message.get("incident_number")),
    ):
        _sub(alert, name, value)
    info = ET.SubElement(alert, f"{{{CAP_NS}}}info")
    for name, value in (
        ("language", message.get("language", "en")),
        ("category", message.get("category", "Safety")),
        ("event", message["event"]),
        ("urgency", message["urgency"]),
        ("severity", message["severity"]),
        ("certainty", message["certainty"]),
        ("effective", cap_time(message["sent"])),
        ("expires", cap_time(message["expires"])),
        ("senderName", message.get("sender_name")),
        ("headline", message["headline"]),
        ("description", message["description"]),
        ("instruction", message.get("instruction")),
    ):
        _sub(info, name, value)
    area = ET.SubElement(info, f"{{{CAP_NS}}}area")
    _sub(area, "areaDesc", message["area_desc"])
    if message.get("polygon"):
        _sub(area, "polygon", polygon_text(message["polygon"]))
    if message.get("circle"):
        circle = message["circle"]
        _sub(area, "circle", f"{circle['lat']:.6f},{circle['lon']:.6f} {circle['radius_km']:.3f}")
    return alert


def alert_xml(message: dict[str, Any]) -> bytes:
    text: bytes = ET.tostring(alert_element(message), encoding="utf-8", xml_declaration=True, default_namespace=CAP_NS)
    return text


def current(messages: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
    """The newest message of each warning whose expiry is still ahead, newest first."""
    return [m for m in newest_per_warning(messages) if parse_utc(m["expires"]) > now]


def atom_feed(messages: list[dict[str, Any]], feed_url: str, alert_url: str, domain: str, now: datetime) -> bytes:
    """The Atom feed of current warnings; each entry links to its CAP message and carries it whole."""
    feed = ET.Element(f"{{{ATOM_NS}}}feed")

    def add(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
        child = ET.SubElement(parent, f"{{{ATOM_NS}}}{name}", attrs)
        if text is not None:
            child.text = text
        return child

    add(feed, "id", feed_url)
    add(feed, "title", f"Public warnings — {domain}")
    add(feed, "updated", cap_time(max((m["sent"] for m in messages), default=now.isoformat())))
    add(add(feed, "author"), "name", domain)
    add(feed, "link", rel="self", href=feed_url)
    for message in messages:
        entry = add(feed, "entry")
        add(entry, "id", message["identifier"])
        add(entry, "title", f"{message['msg_type']}: {message['headline']}")
        add(entry, "updated", cap_time(message["sent"]))
        add(entry, "summary", message["description"])
        add(entry, "link", rel="alternate", type="application/cap+xml", href=alert_url.format(message["identifier"]))
        content = add(entry, "content", type="application/cap+xml")
        content.append(alert_element(message))
    text: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return text


def new_message(
    domain: str, body: dict[str, Any], incident: dict[str, Any], now: datetime, before: dict[str, Any] | None
) -> dict[str, Any]:
    """The next CAP message of a warning: an Alert (no `before`), else an Update referencing `before`."""
    warning_id = before["warning_id"] if before is not None else uuid.uuid4().hex
    return {
        **{k: v for k, v in body.items() if k != "expires"},
        "expires": cap_time(body["expires"]),
        "identifier": f"{domain}.warning.{warning_id}.{uuid.uuid4().hex[:12]}",
        "warning_id": warning_id,
        "sender": f"dispatchd@{domain}",
        "sender_name": f"Command centre {domain}",
        "sent": cap_time(now),
        "sent_at": now.isoformat(),  # the order of a warning's messages (CAP's `sent` is to the second)
        "status": "Actual",
        "msg_type": "Alert" if before is None else "Update",
        "references": reference_of(before) if before is not None else None,
        "incident_number": incident["number"],
    }


def cancel_message(before: dict[str, Any], now: datetime) -> dict[str, Any]:
    """The Cancel of a warning, from its last message (the same area and texts, as CAP readers expect)."""
    return {
        **before,
        "identifier": f"{before['identifier'].rsplit('.', 1)[0]}.{uuid.uuid4().hex[:12]}",
        "sent": cap_time(now),
        "sent_at": now.isoformat(),
        "msg_type": "Cancel",
        "references": reference_of(before),
    }
