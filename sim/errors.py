"""Problems found in content files, with where they are and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .problemtext import Msg, severity_word
from .textsafe import shown_path


@dataclass(frozen=True, slots=True)
class ScenarioError:
    """One problem in a file. ``severity`` is ``error`` or ``warning``.

    ``message`` is the English text (kept for JSON outputs and older callers);
    ``msg`` the message as data, shown in either language by :meth:`text`."""

    file: str
    line: int
    column: int
    message: str
    severity: str = "error"
    code: str = ""
    msg: Msg | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return self.msg.key if self.msg is not None else ""

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (``nl`` or ``en``)."""
        return self.msg.text(lang) if self.msg is not None else self.message

    def format(self, lang: str = "en") -> str:
        """``file:line:col: error: message [code]``, in ``lang`` (fout/waarschuwing in Dutch)."""
        name = shown_path(self.file)
        where = f"{name}:{self.line}:{self.column}" if self.line else name
        code = f" [{self.code}]" if self.code else ""
        return f"{where}: {severity_word(self.severity, lang)}: {self.text(lang)}{code}"

    def to_json(self) -> dict[str, Any]:
        """For ``--json`` outputs: the English ``message``, the Dutch ``message_nl`` and the
        message ``key`` (empty for a message that is not in the catalog)."""
        return {"file": self.file, "line": self.line, "column": self.column,
                "severity": self.severity, "code": self.code, "key": self.key,
                "message": self.message, "message_nl": self.text("nl")}

    def __str__(self) -> str:
        return self.format()


def problem(file: str, line: int, column: int, message: str | Msg, severity: str = "error",
            code: str = "") -> ScenarioError:
    """A :class:`ScenarioError` from a message or a :class:`Msg`."""
    if isinstance(message, Msg):
        return ScenarioError(file, line, column, message.text("en"), severity, code, message)
    return ScenarioError(file, line, column, message, severity, code)


class ContentError(Exception):
    """Raised when a file has errors; ``problems`` lists all of them."""

    def __init__(self, problems: list[ScenarioError]) -> None:
        self.problems = problems
        first = problems[0].format() if problems else "invalid file"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)

    @property
    def errors(self) -> list[ScenarioError]:
        return [p for p in self.problems if p.severity == "error"]
