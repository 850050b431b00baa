"""Finds, in the console's source, the strings marked for translation (`tr("…")`, `N_("…")`) and the
strings an operator would read that are not marked. Plain `ast`, no Qt: the catalogue tool and the test
that every visible string is translatable both use it."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dispatch_protocol

MARKERS = frozenset({"tr", "N_"})
NOT_SHOWN_COMMENT = "# i18n: not shown"
# Calls whose string arguments are never shown to an operator: logs, Qt object names and styles, SQL,
# patterns and formats, paths, the command line's own help (argparse, in the terminal).
NOT_SHOWN_CALLS = frozenset({
    "setObjectName", "setStyleSheet", "setProperty", "property", "execute", "executemany", "executescript",
    "Signal", "strftime", "strptime", "compile", "add_argument", "ArgumentParser", "add_argument_group",
    "getLogger", "cast", "TypeVar", "QUrl", "getenv", "encode", "decode", "runJavaScript", "fromisoformat",
    "match", "search", "sub", "fullmatch", "findall", "isinstance", "setAttribute", "QColor", "QFont",
    "fromString", "debug", "exception", "NamedTemporaryFile", "mkstemp", "open", "Path", "with_suffix",
    "QSettings", "setWindowRole", "QTimeZone",
})  # fmt: skip
# Text and dictionary plumbing: its receiver and first arguments are keys, separators and patterns, but what
# else it is given may be shown (`d.get(key, "unknown author")`, the items `", ".join(…)` joins).
KEY_CALLS = {
    "get": 1, "pop": 1, "setdefault": 1, "startswith": 1, "endswith": 1, "split": 1, "rsplit": 1, "join": 0,
    "replace": 2, "strip": 1, "lstrip": 1, "rstrip": 1,
}  # fmt: skip
LOGGER_NAMES = frozenset({"log", "logger", "logging", "_log"})
# Calls that put text in front of the operator: any words given to them are checked, prose or not ("live").
TEXT_CALLS = frozenset({
    "setText", "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "addAction", "addMenu", "QMenu", "setToolTip", "setStatusTip", "setWindowTitle", "setPlaceholderText",
    "showMessage", "addItem", "addItems", "setHeaderLabels", "setHorizontalHeaderLabels", "addTab", "setTabText",
    "setTitle", "addRow", "setLabelText", "setPrefix", "setSuffix", "setSpecialValueText", "info", "warning",
    "error", "show_starting",
})  # fmt: skip
# Modules whose strings never reach an operator's eyes: wire-format checks, the console's and the shared
# protocol's (`entities.py`, `events.py` under dispatch_protocol/; their messages go to the log when a
# malformed event is skipped), the map page's HTML skeleton and URL scheme, the terminal's
# verify-export tool, crash traces, Qt's style name, and this module's own tables.
NOT_SHOWN_MODULES = frozenset({
    "domain/events.py", "domain/model.py", "domain/state.py", "domain/social.py", "map/page.py",
    "map/scheme.py", "map/logic/tiles.py", "evidence/logic/cli.py", "diagnostics.py", "theme.py", "i18n/extract.py",
    "entities.py", "events.py", "map/logic/sectors.py",
})  # fmt: skip
WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
IDENTIFIER_LIKE = re.compile(r"[a-z0-9_.\-/:*#%@{}\[\]=?&+]*")
MARKUP = re.compile(r"<[^>]*>")
NOT_PROSE = re.compile(
    r"(Ctrl|Shift|Alt|Meta)\+\S+|F\d+"  # key sequences
    r"|[A-Z][a-z]+(?:[A-Z][a-z]*)+"  # CamelCase identifiers (statuses on the wire)
    r"|(?:SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|GET|DESCRIBE|POST) .*|\s*(?:CREATE|AND) .*",  # SQL, requests
    re.DOTALL,
)


@dataclass(frozen=True)
class Found:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def reads_as_prose(text: str) -> bool:
    """Words an operator reads, as opposed to identifiers, keys, paths, formats and markup tags."""
    text = MARKUP.sub("", text).replace("&", "").strip()  # "&File": a menu's mnemonic
    if not WORDS.search(text) or IDENTIFIER_LIKE.fullmatch(text) or NOT_PROSE.fullmatch(text):
        return False
    if text.startswith(("http://", "https://", "#", "%", "{")) and " " not in text:
        return False
    return " " in text or bool(re.match(r"[A-ZÀ-Ý][a-zà-ÿ]", text)) or "…" in text


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _is_log_call(call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    owner = func.value
    name = owner.attr if isinstance(owner, ast.Attribute) else owner.id if isinstance(owner, ast.Name) else ""
    return name in LOGGER_NAMES


def _template(node: ast.JoinedStr) -> str:
    return "".join(str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values)


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: Path, lines: list[str]) -> None:
        self.path, self.lines = path, lines
        self.parents: list[ast.AST] = []
        self.marked: list[Found] = []
        self.unmarked: list[Found] = []
        self.early: list[Found] = []

    def generic_visit(self, node: ast.AST) -> None:
        self.parents.append(node)
        super().generic_visit(node)
        self.parents.pop()

    def visit_Call(self, node: ast.Call) -> None:
        first = node.args[0] if node.args else None
        if _call_name(node) in MARKERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            self.marked.append(Found(self.path, node.lineno, first.value))
        if _call_name(node) == "tr" and not self._runs_in_a_body(node):
            self.early.append(Found(self.path, node.lineno, ast.unparse(node)[:80]))
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            self._check(node, node.value)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self._check(node, _template(node))
        self.generic_visit(node)

    def _check(self, node: ast.expr, text: str) -> None:
        if not (reads_as_prose(text) or self._given_to_a_text_call(node, text)) or self._not_shown(node):
            return
        self.unmarked.append(Found(self.path, node.lineno, text))

    def _runs_in_a_body(self, node: ast.AST) -> bool:
        """Whether this runs when a function is called (not at import, nor as a default argument's value)."""
        child = node
        for ancestor in reversed(self.parents):
            if isinstance(ancestor, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                return child is not ancestor.args
            child = ancestor
        return False

    def _given_to_a_text_call(self, node: ast.expr, text: str) -> bool:
        parents = list(self.parents)
        while parents and isinstance(parents[-1], ast.IfExp | ast.List | ast.Tuple):  # "live" if … ; [headers]
            parents.pop()
        parent = parents[-1] if parents else None
        return (
            isinstance(parent, ast.Call)
            and _call_name(parent) in TEXT_CALLS
            and not _is_log_call(parent)
            and bool(WORDS.search(MARKUP.sub("", text)))
        )

    def _not_shown(self, node: ast.expr) -> bool:
        parent = self.parents[-1] if self.parents else None
        if isinstance(parent, ast.Expr):  # a docstring
            return True
        statement = next((a for a in reversed(self.parents) if isinstance(a, ast.stmt)), node)
        lines = range(statement.lineno, (node.end_lineno or node.lineno) + 1)
        if any(NOT_SHOWN_COMMENT in self.lines[n - 1] for n in lines):
            return True
        if isinstance(parent, ast.JoinedStr):  # a part of an f-string, judged whole
            return True
        child: ast.AST = node
        for ancestor in reversed(self.parents):
            if isinstance(ancestor, ast.Call):
                name = _call_name(ancestor)
                if name in MARKERS:
                    return bool(ancestor.args) and child is ancestor.args[0]  # a placeholder's value is checked
                if name in NOT_SHOWN_CALLS or _is_log_call(ancestor):
                    return True
                keys = ancestor.args[: KEY_CALLS[name]] if name in KEY_CALLS else []
                if name in KEY_CALLS and (child is ancestor.func or any(child is key for key in keys)):
                    return True
            if isinstance(ancestor, ast.Subscript) and ancestor.slice is child:
                return True
            if isinstance(ancestor, ast.Dict) and child in ancestor.keys:
                return True
            if isinstance(ancestor, ast.Compare | ast.arg | ast.Assert):
                return True
            if isinstance(ancestor, ast.AnnAssign) and child is ancestor.annotation:
                return True
            if isinstance(ancestor, ast.FunctionDef) and child in (ancestor.returns,):
                return True
            child = ancestor
        return False


def source_roots() -> tuple[Path, ...]:
    """Where the console's words are written: the console, and the protocol it shares with dispatchd (the
    watch-rule query's and geofences' messages)."""
    return Path(__file__).parents[1], Path(dispatch_protocol.__file__).parent


def scan(*roots: Path) -> tuple[list[Found], list[Found]]:
    """(marked strings, visible strings that are not marked) in the Python files under `roots`."""
    marked, unmarked, _ = scan_all(*roots)
    return marked, unmarked


def scan_all(*roots: Path) -> tuple[list[Found], list[Found], list[Found]]:
    """Also the tr() calls made too early (at import or as a default argument, before the operator's
    language is installed: they would stay English; use N_ there and tr() where it is shown)."""
    marked: list[Found] = []
    unmarked: list[Found] = []
    early: list[Found] = []
    for root in roots:
        for path in python_files(root):
            source = path.read_text(encoding="utf-8")
            scanner = _Scanner(path, source.splitlines())
            scanner.visit(ast.parse(source, str(path)))
            marked += scanner.marked
            early += scanner.early
            if path.relative_to(root).as_posix() not in NOT_SHOWN_MODULES:
                unmarked += scanner.unmarked
    return marked, unmarked, early


def python_files(root: Path) -> Iterator[Path]:
    yield from sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)
