"""The first day of a centre: its reference data imported from plain files, all or nothing, and exported back."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from dispatchd.cli import main
from dispatchd.first_start import missing
from dispatchd.storage.sqlite import SQLiteStorage

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "centre"
FILES = ["units.csv", "cameras.csv", "incident-types.csv", "sectors.geojson"]


def run(*argv: str | Path) -> int:
    return main([str(a) for a in argv])


def database(folder: Path) -> SQLiteStorage:
    return SQLiteStorage(folder / "dispatchd.sqlite3")


def test_the_sample_centre_imports_once_and_a_second_import_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "centre"
    assert run("import", *(SAMPLES / f for f in FILES), "--data-dir", data) == 0
    storage = database(data)
    with storage.read() as tx:
        assert len(tx.list("unit")) == 10 and len(tx.list("camera")) == 4
        assert len(tx.list("sector")) == 3 and len(tx.list("incident_type")) == 8
        assert tx.get("unit", "PS-11@police")["home_sector"] == "Presqu'île"  # type: ignore[index]
        assert tx.get("incident_type", "FIRE-BLD")["agencies"] == ["fire", "police", "ems"]  # type: ignore[index]
    events = storage.last_seq()
    storage.close()
    assert run("import", *(SAMPLES / f for f in FILES), "--data-dir", data) == 0
    storage = database(data)
    assert storage.last_seq() == events, "the same files twice: no event, nothing changed"
    storage.close()


def test_export_then_import_elsewhere_gives_the_same_centre_without_any_camera_login(tmp_path: Path) -> None:
    first, second, out = tmp_path / "first", tmp_path / "second", tmp_path / "export"
    run("import", *(SAMPLES / f for f in FILES), "--data-dir", first)
    assert run("export", out, "--data-dir", first) == 0
    exported = sorted(p.name for p in out.iterdir())
    assert exported == ["camera-positions.geojson", "cameras.csv", "incident-types.csv", "sectors.geojson", "units.csv"]
    assert "change-me" not in "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    assert run("import", *sorted(out.iterdir()), "--data-dir", second) == 0
    one, two = database(first), database(second)
    with one.read() as a, two.read() as b:
        for kind in ("unit", "camera", "sector", "incident_type"):
            left = {
                e["id"]: {k: v for k, v in e.items() if k not in ("updated_at", "has_credentials")}
                for e in a.list(kind)
            }
            right = {
                e["id"]: {k: v for k, v in e.items() if k not in ("updated_at", "has_credentials")}
                for e in b.list(kind)
            }
            assert left == right, kind
    one.close()
    two.close()


def test_three_bad_rows_are_all_named_and_nothing_is_written(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    files = tmp_path / "files"
    shutil.copytree(SAMPLES, files)
    units = (files / "units.csv").read_text(encoding="utf-8").splitlines()
    units[3] = "PS-21,polize,PatrolUnit,Croix-Rousse,"  # line 4: no such agency
    units.append("PS-11,police,PatrolUnit,,")  # line 12: PS-11 again
    (files / "units.csv").write_text("\n".join(units) + "\n", encoding="utf-8")
    types = (files / "incident-types.csv").read_text(encoding="utf-8").splitlines()
    types[2] = "BURGLARY,Burglary in progress,Cambriolage en cours,PSW/CRIME,Burglary,high,police"  # line 3
    (files / "incident-types.csv").write_text("\n".join(types) + "\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="dispatchd"):
        assert run("import", *(files / f for f in FILES), "--data-dir", tmp_path / "centre") == 1
    said = [r.getMessage() for r in caplog.records]
    assert said[0].startswith("units.csv line 4: agency: Input should be 'police', 'gendarmerie', 'fire' or 'ems'")
    assert said[1] == "units.csv line 12: PS-11@police is already on line 2"
    assert said[2] == "incident-types.csv line 3: priority must be a whole number from 0 to 10, not 'high'"
    assert said[3] == "nothing imported: 3 problem(s) in the files"
    assert not (tmp_path / "centre" / "dispatchd.sqlite3").exists(), "nothing written, not even an empty database"


def test_a_first_start_says_what_is_missing_until_the_centre_has_it(tmp_path: Path) -> None:
    data = tmp_path / "centre"
    storage = database(data)
    said = missing(storage)
    assert said[0].startswith("no accounts yet: make an administrator with `dispatchd --create-user")
    assert [line.split(":")[0] for line in said[1:]] == [
        "no units yet", "no incident types yet", "no sectors yet", "no cameras yet"]  # fmt: skip
    storage.close()
    run("import", *(SAMPLES / f for f in FILES), "--data-dir", data)
    storage = database(data)
    assert [line.split(":")[0] for line in missing(storage)] == ["no accounts yet"]
    storage.close()
