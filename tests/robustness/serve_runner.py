"""Run :class:`sim.webserve.SovsimServer` with any tab command, for the serve tests.

``python -m tests.robustness.serve_runner PORT LIMITS_JSON [--public-url URL] -- ARGV...``
"""

from __future__ import annotations

import json
import sys

from sim.commands.live import TEMPLATES
from sim.webserve import Limits, SovsimServer


def main(argv: list[str]) -> None:
    split = argv.index("--")
    head, command = argv[:split], argv[split + 1:]
    port, limits = int(head[0]), Limits(**json.loads(head[1]))
    public = head[head.index("--public-url") + 1] if "--public-url" in head else None
    lang = head[head.index("--lang") + 1] if "--lang" in head else "nl"

    def banner(server: SovsimServer) -> None:
        print(f"serving on {server.public_url}", flush=True)

    SovsimServer(command, host="127.0.0.1", port=port, lang=lang, limits=limits,
                 public_url=public, templates_path=TEMPLATES, banner=banner).serve()


if __name__ == "__main__":
    main(sys.argv[1:])
