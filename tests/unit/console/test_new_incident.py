"""Checking a call before it is sent: a message per wrong field."""

from __future__ import annotations

from console.operations.new_incident import CallForm, check_call

TYPES = {"FIGHT": {"code": "FIGHT", "text": "Fight", "priority": 6, "agencies": ["police"]}}


def _form(**changes: str) -> CallForm:
    values = {
        "type_code": "FIGHT",
        "priority": "6",
        "address": "1 Rue Pasteur",
        "lat": "45.75",
        "lon": "4.84",
        "caller_name": "Mme Petit",
        "caller_phone": "+33 6 12 34 56 78",
        "note": "Two men fighting",
    }
    return CallForm(**{**values, **changes}, known_types=TYPES)


def test_a_good_call_becomes_the_request_body() -> None:
    body, errors = check_call(_form(lat="45,75"))  # a French decimal comma is fine
    assert errors == {}
    assert body == {
        "type_code": "FIGHT",
        "priority": 6,
        "location": {"lat": 45.75, "lon": 4.84, "address_text": "1 Rue Pasteur"},
        "caller": {"name": "Mme Petit", "phone": "+33 6 12 34 56 78"},
        "note": "Two men fighting",
        "agencies": ["police"],
    }


def test_each_wrong_field_gets_its_message_and_nothing_is_built() -> None:
    body, errors = check_call(_form(type_code="ALIENS", priority="11", lat="", lon="", caller_phone="call me"))
    assert body is None
    assert errors == {
        "type_code": "Unknown incident type 'ALIENS': choose one from the list",
        "priority": "Priority goes from 0 (lowest) to 10 (highest)",
        "location": "Give the location: latitude and longitude (and the address if known)",
        "caller_phone": "A callback number has only digits, spaces and + ( ) - .",
    }


def test_coordinates_out_of_range_are_named() -> None:
    _, errors = check_call(_form(lat="95", lon="x"))
    assert errors == {"location": "Latitude must be between -90 and 90; Longitude must be a number"}
    _, errors = check_call(_form(type_code=""))
    assert errors == {"type_code": "Choose the incident type"}
