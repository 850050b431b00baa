"""The services every capability is installed with: the store and the shared state beside it, the commands
and queries to the backend, the operator's messages and the main window the panels go into."""

from __future__ import annotations

from dataclasses import dataclass

from console.backend.commands import Commands
from console.backend.queries import Queries
from console.settings import data_dir
from console.state.high_priority import HighPriorityAlerts
from console.state.notifier import Notifier
from console.state.selection import Selection
from console.state.store import Store
from console.views.main_window import MainWindow
from console.views.status_bar import ConsoleStatusBar


@dataclass
class Core:
    """Built once per console; `install(core, …)` of each capability adds its panels to it."""

    store: Store
    notifier: Notifier
    commands: Commands
    queries: Queries
    selection: Selection
    alerts: HighPriorityAlerts
    window: MainWindow

    @classmethod
    def build(cls, title: str) -> Core:
        store = Store()
        notifier = Notifier()
        return cls(
            store,
            notifier,
            Commands(notifier.error),
            Queries(notifier.error, data_dir() / "media-cache"),
            Selection(),
            HighPriorityAlerts(store),
            MainWindow(ConsoleStatusBar(store, notifier), title),
        )
