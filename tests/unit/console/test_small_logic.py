"""Connection sentences, back-off, priority labels, ages, settings."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from console.backend.connection import ConnectionStatus, LinkState, backoff_delay
from console.domain.priority import priority_band, priority_label
from console.domain.timefmt import format_age
from console.settings import Settings


def test_unreachable_at_start_names_the_backend_and_the_retry() -> None:
    status = ConnectionStatus(LinkState.RECONNECTING, "http://10.0.0.5:8765", retry_in_s=3.6)
    assert status.sentence() == "Cannot reach the dispatch backend at http://10.0.0.5:8765 — retrying in 4 s"


def test_lost_after_a_session_says_since_when() -> None:
    since = datetime(2026, 11, 24, 21, 5, 9, tzinfo=UTC)
    status = ConnectionStatus(LinkState.RECONNECTING, "u", retry_in_s=2, offline_since=since, ever_connected=True)
    assert status.sentence() == f"Reconnecting — retrying in 2 s (offline since {since.astimezone():%H:%M:%S})"


def test_backoff_doubles_up_to_a_ceiling() -> None:
    assert [backoff_delay(a) for a in range(7)] == [1, 2, 4, 8, 15, 15, 15]


def test_priority_has_a_word_and_a_shape_not_only_a_colour() -> None:
    assert priority_label(10) == "◆ 10 CRITICAL"
    assert priority_label(7) == "▲ 7 HIGH"
    assert priority_label(5) == "● 5 MEDIUM"
    assert priority_label(0) == "○ 0 LOW"
    assert len({priority_band(p).glyph for p in range(11)}) == 4


def test_ages_are_compact() -> None:
    assert [format_age(s) for s in (5, 125, 3 * 3600 + 300, 3 * 86400)] == ["5 s", "2 min", "3 h 05", "3 d"]


def test_a_corrupt_settings_file_is_set_aside_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{oops", encoding="utf-8")
    loaded = Settings.load(path)
    assert loaded == Settings()
    assert (
        loaded.problem_message().startswith("Your settings file could not be read (")
        and "settings.corrupt.json" in loaded.problem_message()
    )
    assert not path.exists()
    assert (tmp_path / "settings.corrupt.json").read_text(encoding="utf-8") == "{oops"


def test_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"backend_url": "http://cad:8765", "unknown": 1}), encoding="utf-8")
    assert Settings.load(path).backend_url == "http://cad:8765"


def test_the_alert_chime_is_two_falling_tones_without_clicks() -> None:
    import io
    import wave

    import numpy as np

    from console.alerting.logic.chime import RATE, TONES, chime_wav

    with wave.open(io.BytesIO(chime_wav())) as read:
        assert (read.getnchannels(), read.getsampwidth(), read.getframerate()) == (1, 2, RATE)
        samples = np.frombuffer(read.readframes(read.getnframes()), dtype="<i2").astype(float)
    assert abs(len(samples) / RATE - sum(s for _, s in TONES)) < 0.01
    first = int(RATE * TONES[0][1])
    for part, (frequency, _) in ((samples[:first], TONES[0]), (samples[first:], TONES[1])):
        spectrum = np.abs(np.fft.rfft(part))
        peak = np.fft.rfftfreq(len(part), 1 / RATE)[int(np.argmax(spectrum))]
        assert abs(peak - frequency) < 10, f"a tone at {frequency} Hz"
    assert samples.max() > 0.4 * 32767, "loud enough"
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200 and abs(samples[first] - samples[first - 1]) < 2000, (
        "no click"
    )


def test_a_locked_account_is_told_when_its_lock_ends_in_local_time() -> None:
    from datetime import UTC, datetime, timedelta

    from console.backend.client import _login_refusal
    from console.backend.errors import CommandRefused

    until = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=30)
    problem = {"code": "account_locked", "locked_until": until.isoformat().replace("+00:00", "Z")}
    said = _login_refusal(CommandRefused(403, "Account locked", "locked until … UTC", problem))
    assert said == (
        f"Your account is locked until {until.astimezone():%H:%M} after too many failed logins: "
        "ask a supervisor to unlock it."
    )
    wrong = CommandRefused(401, "Login failed", "The user name or the password is wrong.", {"code": "bad_credentials"})
    assert _login_refusal(wrong) == "The user name or the password is wrong."
