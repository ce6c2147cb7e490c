"""Problems found in content files, with where they are and what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ScenarioError:
    """One problem in a file. ``severity`` is ``error`` or ``warning``."""

    file: str
    line: int
    column: int
    message: str
    severity: str = "error"
    code: str = ""

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        code = f" [{self.code}]" if self.code else ""
        return f"{where}: {self.severity}: {self.message}{code}"

    def __str__(self) -> str:
        return self.format()


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
