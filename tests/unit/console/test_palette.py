"""The command palette's ranking: every word found, accents and case ignored, starts of words first."""

from __future__ import annotations

from console.palette.logic.matching import Entry, rank

ENTRIES = [
    Entry("action", "Dispatch to the selected incident", "Ctrl+D", "dispatch"),
    Entry("action", "New incident from a call…", "Ctrl+I", "new"),
    Entry("incident", "2026-000012 Fight on the public way", "8 HIGH, 12 Rue Pasteur", "i12"),
    Entry("incident", "2026-000003 Public disorder, gathering", "9 CRITICAL, Place Bellecour", "i3"),
    Entry("unit", "PS-01", "police, Available", "PS-01@police"),
    Entry("unit", "SMUR-03", "ems, EnRoute", "SMUR-03@ems"),
    Entry("camera", "Gare de Valmont — parvis", "fixed, online", "cam-02"),
    Entry("camera", "Hôtel de ville", "fixed, online", "cam-09"),
]


def keys(query: str) -> list[str]:
    return [e.key for e in rank(query, ENTRIES)]


def test_every_word_must_be_found_and_accents_do_not_matter() -> None:
    assert keys("hotel") == ["cam-09"]
    assert keys("GARE parvis") == ["cam-02"]
    assert keys("fight pasteur") == ["i12"]
    assert keys("fight bellecour") == []


def test_starts_of_words_come_first_and_equal_matches_keep_their_order() -> None:
    assert keys("incident")[:2] == ["dispatch", "new"], "both contain the word; actions keep their order"
    assert keys("ps")[0] == "PS-01@police", "a label that starts with the word first"
    assert keys("000012") == ["i12"]
    assert len(keys("")) == len(ENTRIES), "nothing typed: everything, in order"
