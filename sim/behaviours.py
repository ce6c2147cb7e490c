"""What a scenario's scores may name: the rubric's dimension ids and its behaviour
catalogue, and how a choice's scores follow from the behaviours it names.

The catalogue itself (labels, sources) is part of the rubric (scoring/rubric.yaml);
the loader needs only each behaviour's default effect on the dimensions, so that a
choice's scores are resolved once, at load time, into :attr:`Choice.scores`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping


class Terms(list[str]):
    """The rubric's dimension ids (a list, as before), with the default effect of
    every behaviour in its catalogue: ``behaviours[id] = {dimension: score}``."""

    def __init__(self, dimensions: Iterable[str],
                 behaviours: Mapping[str, Mapping[str, int]] | None = None) -> None:
        super().__init__(dimensions)
        # None: the rubric has no catalogue of its own (the bundled one is used)
        self.behaviours: dict[str, dict[str, int]] | None = None if behaviours is None else {
            b: dict(eff) for b, eff in behaviours.items()}

    def digest(self) -> str:
        """A short fingerprint of the catalogue (part of a compiled scenario's cache key)."""
        text = ";".join(f"{b}={','.join(f'{d}:{v}' for d, v in sorted(e.items()))}"
                        for b, e in sorted((self.behaviours or {}).items()))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def catalogue_of(dimensions: object) -> dict[str, dict[str, int]] | None:
    """The behaviour catalogue carried by ``dimensions`` (a :class:`Terms`), else None."""
    return getattr(dimensions, "behaviours", None)


SCORE_CAP = 2  # behaviours together move one dimension by at most -2..+2


def default_scores(catalogue: Mapping[str, Mapping[str, int]],
                   names: Iterable[str]) -> dict[str, int]:
    """The scores the named behaviours give together: their default effects summed
    per dimension and kept within -2..+2, zeros left out (dimensions not moved)."""
    out: dict[str, int] = {}
    for name in names:
        for dim, value in catalogue.get(name, {}).items():
            out[dim] = out.get(dim, 0) + value
    return {d: max(-SCORE_CAP, min(SCORE_CAP, v)) for d, v in out.items() if v}


def resolve(catalogue: Mapping[str, Mapping[str, int]], names: Iterable[str],
            override: Mapping[str, int]) -> dict[str, int]:
    """A choice's scores: the defaults of its behaviours, with the author's overrides
    put in their place (an override of 0: the choice does not move that dimension)."""
    out = default_scores(catalogue, names)
    for dim, value in override.items():
        out[dim] = value
    return {d: v for d, v in out.items() if v}


_DEFAULT: list[Terms] = []


def default_terms() -> Terms:
    """The bundled rubric's dimensions and catalogue (loaded once), for a scenario
    loaded without a rubric; empty when the bundled rubric cannot be read."""
    if not _DEFAULT:
        from scoring.rubric import load_rubric  # the bundled rubric file, read as data

        from .errors import ContentError

        try:
            _DEFAULT.append(load_rubric().dimension_ids())
        except ContentError:
            _DEFAULT.append(Terms([]))
    return _DEFAULT[0]
