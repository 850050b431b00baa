"""A process that records a busy session until it is killed: `python -m tests.support.recording_child FILE`.

It feeds events to a Store with a SessionRecorder attached, as a console would, and prints `SEQ` for each
event handed over (flushed), so the test knows what was recorded before it sent SIGKILL.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from console.domain.events import event_from_dict
from console.recording.recorder import SessionRecorder
from console.state.store import Store
from tests.unit.console.factories import event, incident, snapshot


def main() -> None:
    store = Store()
    SessionRecorder(store, Path(sys.argv[1]), {"user": "child"})
    store.reset(snapshot(0, incidents=[incident("i1")]))
    seq = 0
    while True:
        seq += 1
        raw = event(seq, "incident.updated", "i1", {"incident": incident("i1", version=seq + 1, priority=seq % 9 + 1)})
        store.apply(event_from_dict(raw, seq))
        sys.stdout.write(f"{seq} {time.monotonic():.3f}\n")
        sys.stdout.flush()
        time.sleep(0.001)


if __name__ == "__main__":
    main()
