"""The rubric in use (seed version: dimension ids)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sim.errors import ContentError
from sim.yamlsafe import Problems, load_tree, mapping

DEFAULT_PATH = Path(__file__).with_name("rubric.yaml")


@dataclass
class Rubric:
    id: str
    dimensions: list[str]
    path: str

    def dimension_ids(self) -> list[str]:
        return list(self.dimensions)


def load_rubric(path: str | Path | None = None) -> Rubric:
    path = Path(path) if path else DEFAULT_PATH
    pb = Problems(str(path))
    root = load_tree(path, pb)
    dims: list[str] = []
    if root is not None:
        top = mapping(root, pb, "the rubric", {"id", "version", "dimensions"}, ("id", "dimensions"))
        if top and "dimensions" in top:
            for item in top["dimensions"][1].value:
                fields = mapping(item, pb, "a dimension", {"id"}, ("id",))
                if fields and "id" in fields:
                    dims.append(str(fields["id"][1].value))
    if pb.has_errors or root is None:
        raise ContentError(pb.sorted())
    return Rubric("sovsim-praktijkwijsheid", dims, str(path))
