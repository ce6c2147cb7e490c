"""The hostile corpus: committed files in corpus/, and the large or special ones made at
test time (nothing huge is committed). Shared by the tests and benchmarks/hostile.py.

Each case says what is expected: ``error`` (the message fragments that must be among the
problems) or ``safe`` (it loads; its text is shown, never obeyed). A committed file states
this in its first lines: ``# expect: <fragment>`` (one or more) or ``# safe: <why>``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
ROOT = HERE.parent.parent
MINI_RUBRIC = ROOT / "tests" / "rubrics" / "valid.yaml"

_EXPECT = re.compile(r"^# expect: (.+)$", re.M)
_SAFE = re.compile(r"^# safe: ", re.M)

SMALL = ("id: x\nversion: 1\ntitle: x\nsummary: x\nrole: x\nstart: a\nnodes:\n"
         "  a: {ending: {outcome: open, title: e, text: e}}\n")


@dataclass
class Case:
    name: str
    kind: str                      # "scenario" or "rubric"
    expect: list[str] = field(default_factory=list)  # empty: safe
    path: Path | None = None       # a committed file
    make: Callable[[Path], None] | None = None  # writes the file at the given path

    @property
    def safe(self) -> bool:
        return not self.expect

    def materialise(self, folder: Path) -> Path:
        """The case's file: the committed one, or made in ``folder`` (once)."""
        if self.path is not None:
            return self.path
        target = folder / self.kind / f"{self.name}.yaml"
        if not target.exists() and not target.is_symlink():
            target.parent.mkdir(parents=True, exist_ok=True)
            assert self.make is not None
            self.make(target)
        return target


def _committed(kind: str) -> list[Case]:
    out = []
    for path in sorted((CORPUS / f"{kind}s").glob("*.yaml")):
        head = path.read_bytes()[:4000].decode("utf-8", "replace").lstrip("\ufeff")
        expect = _EXPECT.findall(head)
        assert expect or _SAFE.search(head), f"{path.name}: no '# expect:' or '# safe:' line"
        out.append(Case(path.stem, kind, expect, path=path))
    return out


# --- generated: too large to commit, or not a plain file ------------------------------------

def _write(data: bytes | str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return make


def _fifty_mb(path: Path) -> None:
    with path.open("wb") as fh:
        fh.write(SMALL.encode())
        chunk = b"# " + b"x" * (1024 * 1024 - 3) + b"\n"
        for _ in range(50):
            fh.write(chunk)


def _deep_flow(path: Path) -> None:
    path.write_text("id: x\ntitle: " + "[" * 10_000 + "]" * 10_000 + "\n")


def _deep_block(path: Path) -> None:
    """3,000 levels of indentation (one space each: 10,000 would not fit in 32 MB)."""
    path.write_text("".join(" " * i + f"k{i}:\n" for i in range(3_000)) + " " * 3_000 + "v\n")


def _deep_mapping(path: Path) -> None:
    path.write_text("id: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n")


def _many_choices(path: Path) -> None:
    items = "".join(f"      - {{id: c{i}, text: t, target: b}}\n" for i in range(100_000))
    path.write_text("id: x\nversion: 1\ntitle: x\nsummary: x\nrole: x\nstart: a\nnodes:\n"
                    "  a:\n    choices:\n" + items + "  b: {ending: {outcome: open, title: e, "
                    "text: e}}\n")


def _many_nodes(path: Path) -> None:
    nodes = "".join(f"  n{i}: {{ending: {{outcome: open, title: e, text: e}}}}\n"
                    for i in range(50_001))
    path.write_text("id: x\nversion: 1\ntitle: x\nsummary: x\nrole: x\nstart: n0\nnodes:\n"
                    + nodes)


def _wide_list(path: Path) -> None:
    path.write_text(SMALL + "themes: [" + ",".join(["a"] * 1_000_000) + "]\n")


def _long_text(path: Path) -> None:
    path.write_text(SMALL.replace("title: x", 'title: "' + "woord " * 800_000 + '"'))


def _long_texts_under_limit(path: Path) -> None:
    """Safe: 200 nodes in a row, each with a text just under the limit (4 MB in all)."""
    text = ("Een heel lange regel. " * 910)[:19_990]
    out = ["id: lang", "version: 1", "languages: [nl, en]", "title: Lange teksten",
           "summary: Elke regel net onder de grens.", "role: Medewerker", "start: n0", "nodes:"]
    for i in range(200):
        out += [f"  n{i}:", f'    lines: ["{text}"]', "    choices:",
                f"      - {{id: verder, text: Verder, scores: {{verbinding: 1}}, target: n{i + 1}}}",
                "      - {id: stop, text: Stoppen, scores: {verbinding: -1}, target: einde}"]
    out += ["  n200: {ending: {outcome: open, title: Einde, text: Klaar.}}",
            "  einde: {ending: {outcome: contact_broken, title: Weg, text: Gestopt.}}"]
    path.write_text("\n".join(out) + "\n")


def _pipe(path: Path) -> None:
    os.mkfifo(path)


def _symlink_loop(path: Path) -> None:
    other = path.with_name(path.stem + "-other.yaml")
    os.symlink(other, path)
    os.symlink(path, other)


def _folder(path: Path) -> None:
    path.mkdir()


# rubrics made from the smallest valid rubric

def _rubric_with(transform: Callable[[dict], None]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        data = yaml.safe_load(MINI_RUBRIC.read_text(encoding="utf-8"))
        transform(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return make


HOSTILE_TEXT = ("[b]{0}[/b] [@click=app.quit]stop[/] [link=https://example.invalid]klik[/link] "
                "\x1b]0;PWNED-TITLE\x07 \x1b[31mROOD-KLEUR\x1b[0m \x1b]52;c;UFdORUQtQ0xJUA==\x07 "
                "\u202eomgekeerd")


def _markup_rubric(data: dict) -> None:
    data["title"] = {lang: HOSTILE_TEXT.format("Titel") for lang in ("nl", "en")}
    for dim in data["dimensions"]:
        dim["name"] = {lang: HOSTILE_TEXT.format(dim["id"]) for lang in ("nl", "en")}
        for good in dim["good"]:
            good["text"] = {lang: HOSTILE_TEXT.format("Goed") for lang in ("nl", "en")}
            good["tip"] = {lang: HOSTILE_TEXT.format("Tip") for lang in ("nl", "en")}
        for poor in dim["poor"]:
            poor["text"] = {lang: HOSTILE_TEXT.format("Zwak") for lang in ("nl", "en")}
    for band in data["bands"]:
        band["name"] = {lang: HOSTILE_TEXT.format(band["id"]) for lang in ("nl", "en")}


def _long_rubric_text(data: dict) -> None:
    data["dimensions"][0]["description"] = {"nl": "lang " * 100_000, "en": "long"}


GENERATED = [
    Case("fifty-megabytes", "scenario", ["the limit is 32 MB"], make=_fifty_mb),
    Case("deep-flow-10000", "scenario", ["the YAML nests more than 64 levels deep"],
         make=_deep_flow),
    Case("deep-block-3000", "scenario", ["the YAML nests more than 64 levels deep"],
         make=_deep_block),
    Case("deep-mapping-10000", "scenario", ["the YAML nests more than 64 levels deep"],
         make=_deep_mapping),
    Case("choices-100000", "scenario", ["this list has more than 10,000 items"],
         make=_many_choices),
    Case("nodes-50001", "scenario", ["this mapping has more than 50,000 entries"],
         make=_many_nodes),
    Case("list-1000000", "scenario", ["this list has more than 10,000 items"], make=_wide_list),
    Case("text-5mb", "scenario", ["characters long; the limit is 20,000"], make=_long_text),
    Case("texts-under-limit", "scenario", [], make=_long_texts_under_limit),
    Case("named-pipe", "scenario", ["not a regular file"], make=_pipe),
    Case("symlink-loop", "scenario", ["cannot read the file"], make=_symlink_loop),
    Case("folder", "scenario", ["this is a folder, not a file"], make=_folder),
    Case("rubric-fifty-megabytes", "rubric", ["the limit is 32 MB"], make=_fifty_mb),
    Case("rubric-deep-flow", "rubric", ["the YAML nests more than 64 levels deep"],
         make=_deep_flow),
    Case("rubric-markup-escapes", "rubric", [], make=_rubric_with(_markup_rubric)),
    Case("rubric-long-text", "rubric", ["characters long; the limit is 20,000"],
         make=_rubric_with(_long_rubric_text)),
]


def cases() -> list[Case]:
    return _committed("scenario") + _committed("rubric") + GENERATED


__all__ = ["CORPUS", "Case", "cases"]
