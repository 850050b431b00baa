"""Storage behind one narrow interface: entities, the event log, idempotency, accounts and tokens.

Routes and the simulator only see :class:`Storage` and :class:`Transaction`; a PostgreSQL
implementation can follow without touching them.
"""

from dispatchd.storage.interface import EventRecord, Storage, Transaction
from dispatchd.storage.sqlite import SQLiteStorage

__all__ = ["EventRecord", "SQLiteStorage", "Storage", "Transaction"]
