"""The storage contract, held by SQLite (the embedded default) and PostgreSQL (a real throw-away server)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from dispatchd.clock import format_utc
from dispatchd.storage import Storage, open_storage
from dispatchd.storage.interface import Account, StoredResponse, iter_chunks
from dispatchd.storage.pg_schema import MIGRATIONS
from dispatchd.storage.postgres import PostgresStorage, migrate
from tests.support.postgres import PostgresCluster

EXERCISE = {"exercise": {"name": "drill"}}


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Storage]:
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    opened = open_storage(url, tmp_path)
    yield opened
    opened.close()


def ago(**delta: float) -> str:
    return format_utc(datetime.now(UTC) - timedelta(**delta))


def test_entities_are_put_read_listed_and_deleted(storage: Storage) -> None:
    with storage.transaction() as tx:
        tx.put("incident", "b", {"id": "b", "status": "new", "text": "Fête de l'été — « 12 rue »"})
        tx.put("incident", "a", {"id": "a", "status": "closed", "notes": [{"text": "x"}]})
        tx.put("unit", "a", {"id": "a", "agency": "police"})
    with storage.transaction() as tx:
        tx.put("incident", "a", {"id": "a", "status": "active"})  # replaced whole
        tx.delete("unit", "a")
    with storage.read() as tx:
        assert [i["id"] for i in tx.list("incident")] == ["a", "b"]
        assert tx.get("incident", "a") == {"id": "a", "status": "active"}
        assert tx.get("incident", "b") == {"id": "b", "status": "new", "text": "Fête de l'été — « 12 rue »"}
        assert tx.get("unit", "a") is None and tx.list("unit") == []


def test_entities_are_found_by_field_presence_and_time(storage: Storage) -> None:
    with storage.transaction() as tx:
        for n, status in enumerate(["new", "active", "closed", "new", "cancelled"]):
            tx.put("incident", f"i{n}", {"id": f"i{n}", "status": status})
        for n, hours in enumerate([30, 2, 1, 20]):
            linked = "i1" if n == 0 else None
            tx.put("social_post", f"p{n}", {"id": f"p{n}", "posted_at": ago(hours=hours), "incident_id": linked})
    with storage.read() as tx:
        assert [i["id"] for i in tx.find("incident", "status", ["new", "active"])] == ["i0", "i1", "i3"]
        assert tx.find("incident", "status", []) == []
        assert [p["id"] for p in tx.find_present("social_post", "incident_id")] == ["p0"]
        recent = tx.find_since("social_post", "posted_at", ago(hours=24))
        assert [p["id"] for p in recent] == ["p3", "p1", "p2"]  # oldest first
        assert [p["id"] for p in tx.find_since("social_post", "posted_at", ago(hours=24), limit=1)] == ["p3"]


def test_the_event_log_is_gapless_even_when_a_transaction_fails(storage: Storage) -> None:
    with storage.transaction() as tx:
        first = tx.append_event("exercise.updated", "exercise", "x", 1, "me", EXERCISE, incidents=("i1", "i1"))
    with pytest.raises(RuntimeError), storage.transaction() as tx:
        tx.put("incident", "lost", {"id": "lost"})
        tx.append_event("exercise.updated", "exercise", "x", 2, "me", EXERCISE)
        raise RuntimeError("the command failed half-way")
    with storage.transaction() as tx:
        second = tx.append_event("exercise.updated", "exercise", "x", 2, "me", EXERCISE, incidents=("i1",))
    assert (first.seq, second.seq) == (1, 2)
    assert storage.last_seq() == 2
    with storage.read() as tx:
        assert tx.get("incident", "lost") is None and tx.last_seq() == 2
    assert [e.envelope() for e in storage.events_after(0, 10)] == [first.envelope(), second.envelope()]
    assert [e.seq for e in storage.timeline("i1")] == [1, 2]  # one timeline entry per incident, named twice


def test_a_malformed_event_is_refused_before_it_is_stored(storage: Storage) -> None:
    with pytest.raises(ValueError), storage.transaction() as tx:
        tx.append_event("incident.created", "incident", "x", 1, "me", {"incident": {"id": "x"}})
    assert storage.last_seq() == 0


def test_pruning_keeps_timelines_and_the_seq_counter(storage: Storage) -> None:
    with storage.transaction() as tx:
        for n in range(5):
            tx.append_event("exercise.updated", "exercise", "x", n, "me", EXERCISE, incidents=("i9",))
    assert storage.prune_events(format_utc(datetime.now(UTC) + timedelta(seconds=1))) == 5
    assert storage.events_after(0, 10) == [] and storage.oldest_retained_seq() == 6
    with storage.transaction() as tx:
        assert tx.append_event("exercise.updated", "exercise", "x", 9, "me", EXERCISE).seq == 6
    assert storage.oldest_retained_seq() == 6
    assert [e.seq for e in storage.timeline("i9")] == [1, 2, 3, 4, 5]
    assert [e.seq for e in iter_chunks(storage, 0, chunk=1)] == [6]


def test_idempotency_keys_and_tokens_are_kept_then_forgotten(storage: Storage) -> None:
    with storage.transaction() as tx:
        tx.store_response("alice", "k1", StoredResponse("f", 201, {"id": "x", "note": "é"}))
    with storage.read() as tx:
        assert tx.stored_response("alice", "k1") == StoredResponse("f", 201, {"id": "x", "note": "é"})
        assert tx.stored_response("bob", "k1") is None
    now = datetime.now(UTC).timestamp()
    storage.put_token("t-old", "alice", "operator", now - 60)
    storage.put_token("t-new", "alice", "operator", now + 3600)
    assert storage.prune_housekeeping(ago(days=7), now) == 1  # the expired token; the key is recent
    assert storage.token("t-old") is None and storage.token("t-new") == ("alice", "operator", now + 3600)
    assert storage.prune_housekeeping(format_utc(datetime.now(UTC) + timedelta(seconds=1)), now) == 1
    with storage.read() as tx:
        assert tx.stored_response("alice", "k1") is None


def test_accounts_are_saved_disabled_and_logged_out(storage: Storage) -> None:
    storage.put_account(Account("zoé", "hash1", "operator"))
    storage.put_account(Account("adam", "hash2", "supervisor"))
    storage.put_account(Account("zoé", "hash3", "operator", disabled=True))
    storage.put_token("t1", "zoé", "operator", 1e12)
    storage.drop_tokens("zoé")
    assert storage.account("zoé") == Account("zoé", "hash3", "operator", True)
    assert [a.username for a in storage.accounts()] == ["adam", "zoé"] and storage.account_count() == 2
    assert storage.token("t1") is None and storage.account("nobody") is None


def test_a_snapshot_and_its_seq_come_from_one_moment(storage: Storage) -> None:
    """A write committed while a snapshot is read shows in neither its entities nor its seq."""
    with storage.transaction() as tx:
        tx.put("incident", "a", {"id": "a", "status": "new"})
        tx.append_event("exercise.updated", "exercise", "x", 1, "me", EXERCISE)

    def write() -> None:
        with storage.transaction() as tx:
            tx.put("incident", "b", {"id": "b", "status": "new"})
            tx.append_event("exercise.updated", "exercise", "x", 2, "me", EXERCISE)

    writer = threading.Thread(target=write)
    with storage.read() as tx:
        seq = tx.last_seq()
        writer.start()
        writer.join(timeout=0.5)  # PostgreSQL: committed meanwhile; SQLite: waits for this read to end
        assert (tx.last_seq(), [i["id"] for i in tx.list("incident")]) == (seq, ["a"]) == (1, ["a"])
    writer.join(timeout=10)
    assert storage.last_seq() == 2


# --- PostgreSQL only -------------------------------------------------------------------------------------


def test_postgresql_migrations_run_once_and_the_queries_use_their_indexes(postgres_url: str) -> None:
    assert migrate(postgres_url) == [version for version, _, _ in MIGRATIONS]
    assert migrate(postgres_url) == []  # idempotent: the next start finds nothing to do
    storage = PostgresStorage(postgres_url)
    try:
        with storage.transaction() as tx:
            for n in range(50):
                tx.put("incident", f"i{n}", {"id": f"i{n}", "status": "closed"})
    finally:
        storage.close()
    with psycopg.connect(postgres_url) as conn:
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(
            row[0]
            for row in conn.execute(
                "EXPLAIN SELECT body FROM entities WHERE kind = 'incident' AND (body->>'status') = ANY(%s)",
                (["new"],),
            )
        )
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert "entities_incident_status" in plan, plan
    assert versions == [version for version, _, _ in MIGRATIONS]


def test_two_instances_appending_at_once_keep_the_log_gapless_and_in_commit_order(
    postgres_cluster: PostgresCluster,
) -> None:
    """Two storages (two dispatchd instances) and eight writers; a reader never sees seq N+1 before N."""
    url = postgres_cluster.new_database()
    instances = [PostgresStorage(url), PostgresStorage(url)]
    per_writer, writers_per_instance = 40, 4
    done = threading.Event()
    seen: list[int] = []
    problems: list[str] = []

    def write(storage: Storage, writer: int) -> None:
        for n in range(per_writer):
            with storage.transaction() as tx:
                for k in range(1 + (n + writer) % 3):
                    tx.append_event("exercise.updated", "exercise", f"w{writer}", k, "me", EXERCISE)

    def read(storage: Storage) -> None:
        after = 0
        while not done.is_set() or after < storage.last_seq():
            for event in storage.events_after(after, 1000):
                if event.seq != after + 1:
                    problems.append(f"after {after} the reader saw {event.seq}")
                after = event.seq
                seen.append(event.seq)

    try:
        reader = threading.Thread(target=read, args=(instances[1],))
        reader.start()
        threads = [threading.Thread(target=write, args=(instances[w % 2], w)) for w in range(2 * writers_per_instance)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        done.set()
        reader.join(timeout=60)
        expected = sum(1 + (n + w) % 3 for w in range(2 * writers_per_instance) for n in range(per_writer))
        assert problems == []
        assert seen == list(range(1, expected + 1))
        assert [e.seq for e in iter_chunks(instances[0], 0)] == seen
    finally:
        for storage in instances:
            storage.close()
