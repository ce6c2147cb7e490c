"""``sovsim list``: the scenarios on offer, with the id to play each one by."""

from __future__ import annotations

import argparse
import json
import shutil
import textwrap

from ..clitools import EXIT_OK, bundled_dir, cli_lang, load_rubric_or_exit
from ..i18n import t
from ..textsafe import one_line


def cmd_list(args: argparse.Namespace) -> int:
    from ..library import scan

    lang = cli_lang(args)
    rubric = load_rubric_or_exit(args.rubric, args)
    entries = sorted(scan([bundled_dir()], rubric.dimension_ids()),
                     key=lambda e: (e.broken, e.difficulty, e.id))
    if args.json:
        data = [{"id": e.id, "title": one_line(e.title.get(lang)),
                 "role": one_line(e.role.get(lang)), "difficulty": e.difficulty,
                 "level": t(f"difficulty.{e.difficulty}", lang), "minutes": e.minutes,
                 "path": str(e.path), "playable": not e.broken} for e in entries]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not entries:
        print(t("list.none", lang))
        return EXIT_OK
    width = shutil.get_terminal_size((100, 24)).columns
    id_w = max(len(e.id) for e in entries)
    level_w = max(len(t(f"difficulty.{n}", lang)) for n in (1, 2, 3))
    for e in entries:
        if e.broken:
            print(f"{e.id:<{id_w}}  {t('list.broken', lang, path=e.path.name)}")
            continue
        level = t(f"difficulty.{e.difficulty}", lang)
        minutes = t("library.minutes", lang, n=e.minutes)
        print(f"{e.id:<{id_w}}  {level:<{level_w}}  {minutes:>6}  "
              f"{one_line(e.title.get(lang))}")
        role = one_line(e.role.get(lang))
        indent = " " * (id_w + 2)
        print(textwrap.fill(f"{t('list.role', lang)}: {role}", max(40, width - 1),
                            initial_indent=indent, subsequent_indent=indent + "  "))
    example = next((e.id for e in entries if not e.broken), "balie-uitschrijven")
    print()
    print(t("list.play", lang, example=example))
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "list", help="list the bundled scenarios: id, level, minutes, title, role",
        description="List the bundled scenarios with the id to play each by (sovsim play ID), "
                    "their level, about how many minutes they take, title and role, in the "
                    "chosen language (--lang).")
    p.add_argument("--json", action="store_true", help="print the list as JSON (for tools)")
    p.set_defaults(func=cmd_list)
