"""Running `reinstate` commands from tests.

Most tests run a command in this process (`reinstate(...)`), against the test database: the same
entry point, argument parsing, JSON on stdout, one-line errors on stderr and exit codes as the
installed command, at a fraction of the cost of a new process. A few tests start the real
program (`run_process(...)`) to check what only a separate process shows: an empty data folder
migrates itself, the quick `notice read` path, a process killed half-way.
"""

from __future__ import annotations

import atexit
import functools
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import ExitStack, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from django.db import connections

REINSTATE = str(Path(sys.executable).parent / "reinstate")


@dataclass(frozen=True)
class Result:
    """What a command did: its exit status and what it printed."""

    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """The JSON it printed, after checking that it succeeded."""
        assert self.returncode == 0, self.stderr
        return json.loads(self.stdout)


def reinstate(*args: str, stdin: str | bytes = b"") -> Result:
    """Run `reinstate ARGS...` in this process, as the command line would."""
    from reinstate.cases.cli_input import main_notice_read
    from reinstate.cli import chosen_language, execute

    data = stdin.encode() if isinstance(stdin, str) else stdin
    out, err = _text_stream(), _text_stream()
    fake_stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    code: int = 0
    with ExitStack() as stack:
        stack.enter_context(redirect_stdout(out))
        stack.enter_context(redirect_stderr(err))
        stack.enter_context(mock.patch.object(sys, "stdin", fake_stdin))
        # A command closes every database connection when it ends; here that would end the
        # test's own transaction, so the connections are left open for the test to roll back.
        stack.enter_context(mock.patch.object(connections, "close_all", lambda: None))
        # The machine's own locale is not the test's: only `--lang` chooses the language here.
        language, words = chosen_language(list(args), {})
        try:
            if words[:2] == ["notice", "read"] and language == "en":
                code = main_notice_read(words[2:])
            else:
                execute(words, language=language)
        except SystemExit as exit_:
            code = _exit_status(exit_.code)
            if isinstance(exit_.code, str):  # sys.exit("message") prints it, as Python does
                err.write(exit_.code + "\n")
    return Result(code, _read(out), _read(err))


def _text_stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")


def _read(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 1  # sys.exit("message") prints the message and exits 1


def process_env(home: Path, *, migrated: bool = False) -> dict[str, str]:
    """The environment of a separate `reinstate` process: its own data folder, on SQLite, and
    English messages whatever the machine's locale (a test asks for Spanish with `--lang es`).

    `migrated`: the folder starts as a copy of one whose database is already migrated, made
    once per test process, for tests about something else than a first start (a migration
    costs a fresh process about 1.4 s)."""
    dropped = {"DATABASE_URL", "LANGUAGE", "LC_ALL", "LC_MESSAGES"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env["REINSTATE_HOME"] = str(home)
    env["LANG"] = "C.UTF-8"
    # A worker started by `serve` would read the platforms' policy pages: no test goes online.
    env["REINSTATE_POLICY_FETCH_EVERY"] = "0"
    if migrated:
        shutil.copytree(_migrated_folder(), home)
    return env


@functools.cache
def _migrated_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="reinstate-migrated-")) / "home"
    atexit.register(shutil.rmtree, folder.parent, ignore_errors=True)
    made = run_process(process_env(folder), "verify")
    assert made.returncode == 0, made.stderr.decode()
    return folder


def run_process(
    env: dict[str, str], *args: str, stdin: str | bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed `reinstate` as a separate process."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [REINSTATE, *args], input=data, capture_output=True, env=env, timeout=120, check=False
    )


def ok(result: Result | subprocess.CompletedProcess[bytes]) -> Any:
    """The JSON a command printed, after checking that it succeeded."""
    if isinstance(result, Result):
        return result.json()
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)
