"""CI: ``sovsim serve`` works from a fresh, non-editable install (the README's command).

Run with the fresh venv's python, from anywhere but the clone (so the installed package, not
the source tree, is imported): create a session, serve it, load the page, stop.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sovsim = str(Path(sys.executable).with_name("sovsim"))
data = tempfile.mkdtemp(prefix="sovsim-ci-")
subprocess.run([sovsim, "--data-dir", data, "session", "create", "balie-uitschrijven"],
               check=True, capture_output=True)
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
serve = subprocess.Popen([sovsim, "--data-dir", data, "serve", "--port", str(port)],
                         stdout=subprocess.PIPE, text=True)
try:
    assert serve.stdout is not None
    first = serve.stdout.readline()
    assert f"http://127.0.0.1:{port}" in first, first
    time.sleep(0.5)
    page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode()
    assert "sovsimResume" in page and "textual.js" in page, page[:500]
    print("ci: sovsim serve works from a fresh install")
finally:
    serve.send_signal(signal.SIGINT)
    serve.wait(timeout=20)
