"""Run ralph's LRS (its own API app, auth and file-system backend) on loopback.

Run with the LRS's own Python: ``.venv-lrs/bin/python ralph_server.py HOST PORT DIR``.
``ralph runserver`` would do the same, but with uvicorn's reloader watching the current
folder, and ralph 5.1's file-system backend makes its statements file on the first
write and refuses every later one ("already exists and overwrite is not allowed with
operation_type create"), so an LRS on it takes one POST in its life. Its writes are set
to append here, which is what a statements file needs; everything else is ralph's.
"""

import os
import sys

host, port, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = folder

import uvicorn  # noqa: E402
from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.data.fs import FSDataBackend  # noqa: E402

FSDataBackend.default_operation_type = BaseOperationType.APPEND

uvicorn.run("ralph.api:app", host=host, port=port, log_level="info")
