"""Hostile files get a clear error quickly: never a traceback, never a hang."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from sim.loader import validate_file


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Fail (rather than hang CI) if a hostile file takes more than 20 s."""

    def boom(*_: object) -> None:
        raise TimeoutError("hung on a hostile file")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def check(tmp_path: Path, data: bytes, expected: str) -> None:
    f = tmp_path / "hostile.yaml"
    f.write_bytes(data)
    problems = validate_file(f)
    assert problems, "hostile file accepted"
    assert any(expected in p.message for p in problems), [p.message for p in problems]


def test_python_tags(tmp_path: Path) -> None:
    check(tmp_path, b"id: !!python/object/apply:os.system ['touch /tmp/pwned']\n", "not allowed")
    assert not Path("/tmp/pwned").exists()


def test_custom_tag(tmp_path: Path) -> None:
    check(tmp_path, b"id: !include other.yaml\n", "not allowed")


def test_alias_bomb(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    check(tmp_path, "\n".join(lines).encode(), "alias bomb")


def test_huge_file(tmp_path: Path) -> None:
    check(tmp_path, b"# " + b"x" * (50 * 1024 * 1024) + b"\n", "the limit is")


def test_deep_nesting(tmp_path: Path) -> None:
    check(tmp_path, b"id: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", "nests more than")


def test_deep_block_nesting(tmp_path: Path) -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(2000)) + "  " * 2000 + "v\n"
    f = tmp_path / "deep.yaml"
    f.write_text(text)
    assert validate_file(f)


def test_invalid_utf8(tmp_path: Path) -> None:
    check(tmp_path, b"id: test\ntitle: caf\xe9\n", "not valid UTF-8")
    (p,) = validate_file(tmp_path / "hostile.yaml")
    assert (p.line, p.column) == (2, 11)


@pytest.mark.parametrize("data,expected", [
    (b"- 1\n- 2\n", "holds a list"),
    (b"42\n", "holds a whole number"),
    (b"just text\n", "holds text"),
    (b"", "empty"),
    (b"---\nid: a\n---\nid: b\n", "more than one YAML document"),
    (b"\x00\x01\x02", "YAML syntax"),
])
def test_wrong_shapes(tmp_path: Path, data: bytes, expected: str) -> None:
    check(tmp_path, data, expected)


def test_folder_and_missing(tmp_path: Path) -> None:
    assert "folder" in validate_file(tmp_path)[0].message
    assert "no such file" in validate_file(tmp_path / "nope.yaml")[0].message


def test_huge_list_stops_at_the_limit(tmp_path: Path) -> None:
    """100,000 choices on one node: refused where the list crosses the limit, not after
    composing all of it."""
    items = "".join(f"      - {{id: c{i}, text: t, target: b}}\n" for i in range(100_000))
    data = ("id: x\nversion: 1\ntitle: x\nsummary: x\nrole: x\nstart: a\nnodes:\n  a:\n"
            "    choices:\n" + items).encode()
    check(tmp_path, data, "this list has more than 10,000 items")
    (p,) = validate_file(tmp_path / "hostile.yaml")
    assert (p.line, p.column) == (10, 7)  # where the list starts


def test_huge_mapping_stops_at_the_limit(tmp_path: Path) -> None:
    data = "nodes: {" + ", ".join(f"n{i}: 1" for i in range(50_001)) + "}\n"
    check(tmp_path, data.encode(), "this mapping has more than 50,000 entries")


@pytest.mark.parametrize("data,expected", [
    (b"id: &a [*a]\n", "lies inside the list or mapping &a itself"),
    (b"a: *nothing\n", "refers to no anchor &nothing"),
    (b"a: &x 1\nb: &x 2\n", "the anchor &x is defined twice (first on line 1)"),
    (b"<<: {id: x}\n", "the YAML type 'merge' is not supported"),
])
def test_anchor_and_alias_misuse(tmp_path: Path, data: bytes, expected: str) -> None:
    check(tmp_path, data, expected)


def test_implied_types_outside_the_core_schema(tmp_path: Path) -> None:
    check(tmp_path, b"id: x\nversion: 2024-01-01\n", "a date is not a value here")


def test_very_long_text(tmp_path: Path) -> None:
    """A 5 MB line would take the app seconds to lay out at every choice: refused."""
    check(tmp_path, b"id: x\ntitle: \"" + b"woord " * 800_000 + b"\"\n",
          "this text is 4,800,000 characters long; the limit is 20,000")


def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    """Opening a pipe would wait for a writer forever."""
    import os

    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    (p,) = validate_file(pipe)
    assert "not a regular file" in p.message
