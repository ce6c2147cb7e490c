"""The plenary: votes at each decision, following the majority or not, going back to
explore the road not taken with every branch kept, and the group debrief."""

from __future__ import annotations

import re

import pytest

from sim.group import names_for
from sim.groupreport import plenary_html, plenary_markdown
from sim.plenary import Plenary, PlenaryError, majority_of, open_latest
from sim.store import Store

from .clirun import sovsim
from .conftest import EXAMPLE


def test_majority() -> None:
    assert majority_of({}) is None and majority_of({"a": 0, "b": 0}) is None
    assert majority_of({"a": 3, "b": 3}) is None
    assert majority_of({"a": 3, "b": 4, "c": 1}) == "b"


def test_votes_choices_branches_and_resume(tmp_path, example, rubric) -> None:  # noqa: ANN001
    with Store(tmp_path) as store:
        p = Plenary.create(store, example, title="ochtend")
        assert p.decision_number == 1 and p.majority() is None
        for _ in range(7):
            p.add_vote("rustig-uitleggen")
        p.add_vote("discussie", 3)
        p.add_vote("discussie", -1)
        with pytest.raises(PlenaryError):
            p.add_vote("grief-erkennen")  # not an option here
        assert p.votes_here() == {"rustig-uitleggen": 7, "discussie": 2}
        p.follow_majority()
        assert p.run.node_id == "reactie" and p.decision_number == 2
        p.add_vote("grief-erkennen", 4)
        p.add_vote("volgende", 6)
        assert p.toggle_bookmark()  # decision 2 of branch 1
        p.choose("grief-erkennen")  # not the majority: the trainer picks another
        assert p.run.finished
        # back to decision 2 (the road not taken): a new branch, the old one kept
        first = p.current
        second = p.go_back(first.run_id, 2)
        assert second.number == 2 and second.fork_at == 1 and p.current is second
        assert [s.choice for s in second.run.history] == ["rustig-uitleggen"]
        assert p.votes_here() == {"grief-erkennen": 4, "volgende": 6}  # the room's vote stands
        p.follow_majority()
        assert p.run.ending.id == "weg"
        # and back to decision 1 of branch 1
        third = p.go_back(first.run_id, 1)
        assert p.votes_here() == {"rustig-uitleggen": 7, "discussie": 2}
        p.add_vote("tekenen", 9)  # the room votes again and changes its mind
        p.follow_majority()
        assert third.run.ending.id == "getekend"
        assert len(p.branches) == 3 and first.run.ending.id == "einde-goed"

    # everything is in the store: opened again, it is all there and continues on branch 3
    with Store(tmp_path) as store:
        again = open_latest(store, example)
        assert again is not None and again.session.id == p.session.id
        assert again.current.number == 3 and len(again.branches) == 3
        d = again.debrief(rubric, "en")
        b1, b2, b3 = d.branches
        assert [x.chosen for x in b1.decisions] == ["rustig-uitleggen", "grief-erkennen"]
        assert [x.followed_majority for x in b1.decisions] == [True, False]
        assert b1.decisions[1].bookmarked and b1.ending == "einde-goed"
        assert (b2.parent, b2.fork_at, b2.ending) == (1, 1, "weg")
        assert b2.decisions[0].inherited and not b2.decisions[1].inherited
        assert {o.choice: o.votes for o in b2.decisions[1].options} == \
            {"grief-erkennen": 4, "volgende": 6, "terug-naar-zaak": 0}
        assert b2.decisions[1].followed_majority is True
        assert (b3.parent, b3.fork_at, b3.outcome) == (1, 0, "gave_in")
        # b2: the best on offer at its first decision (1 of 1), the worst at its second (0 of 4)
        assert b1.score.dimensions["verbinding"] == 100 and b2.score.dimensions["verbinding"] == 20
        assert b1.score.quadrant == "betrouwbare-partner"


def test_a_plenary_only_opens_with_its_scenario(tmp_path, example) -> None:  # noqa: ANN001
    from sim.loader import load_scenario

    from .conftest import bundled_scenarios

    with Store(tmp_path) as store:
        p = Plenary.create(store, example)
        other = load_scenario(bundled_scenarios()[0])
        with pytest.raises(PlenaryError, match="not"):
            Plenary.open(store, p.session.id, other)


def _played(tmp_path, example) -> Plenary:  # noqa: ANN001
    store = Store(tmp_path)
    p = Plenary.create(store, example)
    p.add_vote("rustig-uitleggen", 5)
    p.add_vote("tekenen", 2)
    p.follow_majority()
    p.add_vote("volgende", 3)
    p.choose("grief-erkennen")
    p.go_back(p.current.run_id, 2)
    p.follow_majority()
    return p


def test_markdown_and_html_group_debrief(tmp_path, example, rubric) -> None:  # noqa: ANN001
    p = _played(tmp_path, example)
    d = p.debrief(rubric, "en")
    names = names_for(rubric, "en")
    text = plenary_markdown(d, names)
    assert text.startswith("# Group debrief: The returned polling card")
    assert "## Branch 1: the group's road" in text
    assert "## Branch 2: back to decision 2 of branch 1" in text
    assert re.search(r"\| 1 \| \*\*I can't sign this.*\*\* \| 5 \| chosen, majority \|", text)
    assert "*(not the majority)*" in text
    assert "**Ending: Contact kept, nothing signed (reliable partner)**" in text
    assert "- Connection: 100" in text
    page = plenary_html(d, names)
    assert page.startswith("<!DOCTYPE html>") and "Branch 2: back to decision 2" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    p.store.close()


def test_group_command_exports_the_debrief(tmp_path, example) -> None:  # noqa: ANN001
    p = _played(tmp_path, example)
    sid = p.session.id
    p.store.close()
    res = sovsim("group", "--session", sid[:5], "--export", "md", "--lang", "en",
                 "--data-dir", str(tmp_path))
    assert res.returncode == 0, res.stderr
    assert "## Branch 2" in res.stdout
    res = sovsim("group", str(EXAMPLE), "--continue", "--export", "html", "-o",
                 str(tmp_path / "p.html"), "--data-dir", str(tmp_path))
    assert res.returncode == 0 and "Tak 2" in (tmp_path / "p.html").read_text(encoding="utf-8")
    res = sovsim("group", "--continue", "--export", "md", "--data-dir", str(tmp_path))
    assert res.returncode == 0 and "## Tak 2" in res.stdout
    res = sovsim("group", "wijkteam-huisbezoek", "--continue", "--data-dir", str(tmp_path))
    assert res.returncode == 2 and "no plenary of wijkteam-huisbezoek" in res.stderr
    res = sovsim("group", "--data-dir", str(tmp_path))
    assert res.returncode == 2 and "say which scenario" in res.stderr


def test_a_plenary_exports_and_deletes_with_its_votes(tmp_path, example) -> None:  # noqa: ANN001
    import json

    p = _played(tmp_path, example)
    sid, runs = p.session.id, [b.run_id for b in p.branches]
    p.store.close()
    res = sovsim("data", "export", "--session", sid, "--data-dir", str(tmp_path))
    [s] = json.loads(res.stdout)["sessions"]
    assert s["kind"] == "plenary" and len(s["branches"]) == 2
    assert s["votes"][runs[0]]["1"] == {"rustig-uitleggen": 5, "tekenen": 2}
    res = sovsim("data", "delete", "--session", sid, "--yes", "--data-dir", str(tmp_path))
    assert res.returncode == 0 and "Deleted 1 session(s) and 2 run(s)" in res.stdout
    with Store(tmp_path) as store:
        assert store.get_session(sid) is None
        assert all(store.votes(r) == {} and store.get_run(r) is None for r in runs)
        assert store.conn.execute("SELECT COUNT(*) FROM branches").fetchone()[0] == 0


def test_group_markdown_reads_as_plain_text_with_title_and_date(tmp_path, example, rubric) -> None:  # noqa: ANN001
    """Opened in Notepad or pasted into an email, the Markdown reads as text: full stops,
    brackets and dashes as written; only what Markdown would take as markup is escaped.
    The plenary's own title (the course day) and its date are under the heading."""
    from sim.groupreport import md

    store = Store(tmp_path)
    p = Plenary.create(store, example, title="Cursusdag 12 maart")
    p.add_vote("rustig-uitleggen", 5)
    p.follow_majority()
    d = p.debrief(rubric, "nl")
    text = plenary_markdown(d, names_for(rubric, "nl"))
    lines = text.splitlines()
    assert lines[0] == "# Groepsnabespreking: De ingeleverde stempas"
    assert re.fullmatch(r"Cursusdag 12 maart · \d{1,2} [a-z]+ 20\d\d", lines[2]), lines[2]
    month = lines[2].split()[-2]
    assert month in ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                     "september", "oktober", "november", "december")
    assert "\\." not in text and "\\(" not in text and "\\-" not in text
    assert "> Ik lever dit in. Ik ben een levende mens, geen persoon." in text
    html_page = plenary_html(d, names_for(rubric, "nl"))
    assert "Cursusdag 12 maart · " in html_page
    # what Markdown would read as markup is still escaped, and only that
    assert md("Zeg *nooit* [dit](x) | of <b>dat</b>") == r"Zeg \*nooit\* \[dit\](x) \| of \<b>dat\</b>"
    assert md("1. eerst") == r"1\. eerst" and md("# kop") == r"\# kop" and md("- lijst") == r"\- lijst"
    assert md("Dat is 3 - 2 (één). Klaar!") == "Dat is 3 - 2 (één). Klaar!"
    store.close()
