"""The debrief as plain text for screen readers (``sovsim play --plain``): sentences and
short indented lists, no Markdown, tables, bars or other symbols read out one by one.

Reads the same :class:`~scoring.debrief.Debrief` data as the other renderers.
"""

from __future__ import annotations

from .debrief import Debrief, KeyMoment
from .labels import (
    attribution_text,
    label,
    mode_label,
    outcome_label,
    score_list,
    status_text,
)
from .render import clean

INDENT = "  "


def _line(text: str | None) -> str:
    """One line of text: control characters dropped, line breaks joined."""
    return " ".join(clean(text).split())


def _stop(text: str) -> str:
    """``text`` ending in a full stop (unless it ends in other punctuation already)."""
    text = text.rstrip()
    return text if not text or text[-1] in ".?!:…”\"'" else text + "."


def render_plain(debrief: Debrief, lang: str | None = None) -> str:
    """The debrief in sentences, one thought a line, lists indented; labels in ``lang``."""
    d = debrief
    lang = lang or d.lang
    out: list[str] = [f"{label('debrief', lang)}: {_line(d.scenario_title)}"]
    meta = [label("plain_meta", lang, role=_line(d.role))]
    mode = mode_label(d.mode, lang)
    if mode:
        meta.append(_stop(mode[:1].upper() + mode[1:]))
    meta.append(label("plain_decisions_one", lang) if d.decisions == 1
                else label("plain_decisions", lang, n=d.decisions))
    out += [" ".join(meta), ""]
    for n in d.notices:
        out.append(_stop(_line(n.message)))
    if d.notices:
        out.append("")

    if d.ending:
        title = _line(d.ending.title)
        outcome = outcome_label(d.ending.outcome, lang)
        if outcome.casefold() not in title.casefold():
            title += f" ({outcome})"
        out += [label("plain_ended", lang, title=title), _stop(_line(d.ending.text)), ""]
    else:
        out += [label("not_finished", lang), ""]

    out.append(label("plain_scores", lang))
    for dim in d.dimensions:
        if dim.assessed and dim.score is not None:
            out.append(INDENT + label("plain_score", lang, dim=_line(dim.short), score=dim.score,
                                      band=_line(dim.band_name)))
        else:
            word = label("not_normalised" if dim.status == "not_explored" else "not_assessed",
                         lang)
            out.append(INDENT + f"{_line(dim.short)}: {word}, {_stop(status_text(dim, lang))}")
    if d.bands:
        bands = ", ".join(label("plain_band", lang, name=_line(b.name), lower=b.lower,
                                upper=b.upper) for b in d.bands)
        out.append(label("plain_bands", lang, bands=bands))
    out.append("")

    if d.quadrant:
        out.append(label("plain_quadrant", lang, name=_line(d.quadrant.name)))
        for a in d.axes:
            if a.score is None:
                out.append(INDENT + f"{_line(a.name)}: {label('not_assessed', lang)}.")
            else:
                level = label("high" if a.high else "low", lang)
                out.append(INDENT + label("plain_axis", lang, axis=_line(a.name), score=a.score,
                                          level=level, threshold=a.threshold))
        out.append(_stop(_line(d.quadrant.description)))
        source = attribution_text(d.quadrant.citations, lang)
        if source:
            out.append(f"{label('source', lang)}: {_stop(_line(source))}")
    else:
        out.append(label("no_quadrant", lang))
    out.append("")

    out.append(label("key_moments", lang) + ":")
    if not d.key_moments:
        out.append(INDENT + label("no_moments", lang))
    for m in d.key_moments:
        out += _moment(m, d, lang)
    out.append("")

    if d.tips:
        names = {dim.id: _line(dim.short) for dim in d.dimensions}
        out.append(label("try_next", lang) + ":")
        for tip in d.tips:
            out.append(INDENT + f"{names.get(tip.dimension, tip.dimension)}: "
                       f"{_stop(_line(tip.text))}")
            source = attribution_text(tip.citations, lang)
            if source:
                out.append(INDENT * 2 + f"{label('source', lang)}: {_stop(_line(source))}")
        out.append("")

    out.append(label("path", lang) + ":")
    n = 0
    for p in d.path:
        said = _line(p.label or p.node)
        if p.choice:
            n += 1
            out.append(INDENT + label("plain_step", lang, n=n, said=_stop(said)))
            scores = score_list(p.scores, d.dimensions, lang)
            out.append(INDENT * 2 + label("plain_you_chose", lang,
                                          text=f"{_stop(_line(p.text))} ({scores})"))
        elif not (d.ending and p.node == d.ending.node):
            out.append(INDENT + _stop(said))
    if d.ending:
        out.append(INDENT + label("plain_ended", lang, title=_line(d.ending.title)))
    out.append("")

    if d.sources:
        out.append(label("sources", lang) + ":")
        for s in d.sources:
            note = f" ({_line(s.note)})" if s.note else ""
            url = f" {_line(s.url)}" if s.url else ""
            out.append(INDENT + f"{_line(s.key)}: {_stop(_line(s.title) + note)}{url}")
        out.append(_line(label("source_note", lang)))
    return "\n".join(out).rstrip("\n") + "\n"


def _moment(m: KeyMoment, d: Debrief, lang: str) -> list[str]:
    out = [INDENT + label("plain_moment", lang, n=m.step, kind=label(m.kind, lang))]
    for ln in m.situation:
        who = f"{_line(ln.speaker)}: " if ln.speaker else ""
        out.append(INDENT * 2 + _stop(who + _line(ln.text)))
    chosen = (f"“{_line(m.chosen.text)}” "
              f"({score_list(m.chosen.scores, d.dimensions, lang)}).")
    out.append(INDENT * 2 + f"{label('your_choice', lang)}: {chosen}")
    if m.chosen.feedback:
        out.append(INDENT * 2 + f"{label('why', lang)}: {_stop(_line(m.chosen.feedback))}")
    if m.kind == "poor":
        if m.better:
            better = (f"“{_line(m.better.text)}” "
                      f"({score_list(m.better.scores, d.dimensions, lang)}).")
            out.append(INDENT * 2 + f"{label('better', lang)}: {better}")
            if m.better.feedback:
                out.append(INDENT * 2 + _stop(_line(m.better.feedback)))
        else:
            out.append(INDENT * 2 + label("no_better", lang))
    return out
