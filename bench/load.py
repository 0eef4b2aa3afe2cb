"""make load: signed-in users against the real server (`reinstate serve`) on loopback.

For each server (waitress: one process; gunicorn: REINSTATE_WORKERS processes) and each number
of users: a fresh data folder (and, when DATABASE_URL is set, a fresh PostgreSQL database on
that server), N drivers each with a case, each signed in, then each user in its own thread
requests without pause for the whole duration (a bounded, closed-loop client: at most N
requests in flight), in this mix:

    the case page 60%, the support timeline 15%, add a contact 15%, upload a 3 MB photo 10%

Printed per run, as one JSON line: requests/s, p50/p95/p99 in seconds, errors by kind
(HTTP status or exception; "database is locked" and server errors counted from the server's
log), the server's peak memory (RSS summed over every process `reinstate serve` started: web
processes and the queue worker), the cores it kept busy and its CPU time per request, and the
load average before and after (the client shares the machine's cores).

    LOAD_USERS=20,50 LOAD_SECONDS=60 LOAD_SERVERS=waitress,gunicorn make load
    .venv/bin/python -m bench.load --users 10 --seconds 10 --servers gunicorn

The server "base" is the code of another checkout, for figures before a change:
    git worktree add /tmp/base v1.2   (or: git archive HEAD | tar -x -C /tmp/base)
    LOAD_BASE=/tmp/base LOAD_SERVERS=base,gunicorn make load

`python -m bench.load prepare N` is the setup step (run in the data folder's environment).
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[1]
NOTICES = ROOT / "reinstate" / "rules" / "notice" / "tests" / "notices" / "dev.jsonl"
PASSWORD = "load test passphrase 1"  # noqa: S105 (a throwaway data folder's users)
MIX = (("case", 60), ("timeline", 15), ("contact", 15), ("upload", 10))
PHOTO_BYTES = 3_000_000
IDLE_CLOSE_S = 4.0


# The setup, in a process of its own with the data folder's environment.


def prepare(count: int) -> list[dict[str, Any]]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reinstate.settings")
    django.setup()
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from django.contrib.auth.hashers import make_password

    from reinstate.accounts.models import User
    from reinstate.cases.actions import do_open_case
    from reinstate.lib.notice_file import notice_from_text

    text = json.loads(NOTICES.read_text().splitlines()[0])["text"]
    hashed = make_password(PASSWORD)  # one Argon2 hash for all: the setup stays quick
    received = datetime.fromisoformat("2026-11-02T16:00:00-08:00")
    users = []
    for n in range(count):
        user = User.objects.create(
            username=f"driver{n}", password=hashed, time_zone="America/Los_Angeles"
        )
        case = do_open_case(
            owner=user,
            notice=notice_from_text(text),
            received=received,
            tz=ZoneInfo("America/Los_Angeles"),
        )
        users.append({"username": user.username, "case": case.pk})
    return users


# The client.


def make_photo() -> bytes:
    """A 3 MB JPEG of noise (photos of a phone do not compress much either)."""
    from PIL import Image

    side = 1200
    while True:
        image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=90)
        if out.tell() >= PHOTO_BYTES:
            return out.getvalue()
        side += 200


def unique(photo: bytes) -> bytes:
    """The photo with a comment of its own after the start marker: each upload is a new file
    (the same bytes twice would be stored once)."""
    comment = secrets.token_hex(16).encode()
    return photo[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + photo[2:]


class Session:
    """One signed-in driver: a keep-alive connection and its cookies."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.last_used = time.monotonic()

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str, bytes]:
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            sent["Referer"] = f"http://127.0.0.1:{self.port}{path}"
            if "csrftoken" in self.cookies:
                sent["X-CSRFToken"] = self.cookies["csrftoken"]
        if time.monotonic() - self.last_used > IDLE_CLOSE_S:
            # The server may have closed a connection idle this long (gunicorn after 5 s, as
            # a browser expects): a new one, as a browser would open.
            self.connection.close()
        try:
            self.connection.request(method, path, body=body, headers=sent)
            response = self.connection.getresponse()
            data = response.read()
            self.last_used = time.monotonic()
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
        return response.status, response.getheader("Location", ""), data

    def form(self, path: str, fields: dict[str, str]) -> tuple[int, str, bytes]:
        fields = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields}
        body = urllib.parse.urlencode(fields).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body, headers)

    def sign_in(self, username: str) -> None:
        status, _, page = self.request("GET", "/accounts/login/")
        assert status == 200, status
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token is not None
        fields = {"username": username, "password": PASSWORD}
        status, _, _ = self.form(
            "/accounts/login/", {**fields, "csrfmiddlewaretoken": token[1].decode()}
        )
        assert status == 302 and "sessionid" in self.cookies, f"sign-in failed: {status}"

    def upload(self, path: str, name: str, content: bytes) -> tuple[int, str, bytes]:
        boundary = uuid.uuid4().hex
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            f"{self.cookies.get('csrftoken', '')}\r\n"
            f'--{boundary}\r\nContent-Disposition: form-data; name="evidence_files"; '
            f'filename="{name}"\r\nContent-Type: image/jpeg\r\n\r\n'
        ).encode()
        body = head + content + f"\r\n--{boundary}--\r\n".encode()
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Accept": "application/json",  # what the page's script asks for
        }
        return self.request("POST", path, body, headers)


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    by_kind: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    kind_latencies: dict[str, list[float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.kind_latencies.setdefault(kind, []).append(seconds)
            self.by_kind[kind] += 1
            if error:
                self.errors[f"{kind}: {error}"] += 1


def one_user(
    session: Session, case: int, photo: bytes, until: float, tally: Tally, seed: int
) -> None:
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    rng = random.Random(seed)  # noqa: S311 (a mix of requests, not a secret)
    n = 0
    while time.monotonic() < until:
        kind = rng.choices(kinds, weights)[0]
        n += 1
        start = time.monotonic()
        error = None
        try:
            if kind == "case":
                status, _, _ = session.request("GET", f"/cases/{case}/")
                ok = status == 200
            elif kind == "timeline":
                status, _, _ = session.request("GET", f"/cases/{case}/support/timeline/")
                ok = status == 200
            elif kind == "contact":
                status, location, _ = session.form(
                    f"/cases/{case}/support/add/",
                    {
                        "channel": "phone",
                        "direction": "to_platform",
                        "at": f"2026-11-03T10:{n % 60:02d}",
                        "summary": f"Called support, call {n}. Agent said to wait 48 hours.",
                        "agent": "Sam",
                        "tickets": "",
                    },
                )
                ok = status == 302 and "/support/" in location
            else:
                status, _, _ = session.upload(
                    f"/cases/{case}/evidence/add/", f"door-{n}.jpg", unique(photo)
                )
                ok = status == 200
            if not ok:
                error = str(status)
        except (http.client.HTTPException, OSError) as failure:
            error = type(failure).__name__
        tally.note(kind, time.monotonic() - start, error)


# The server.


def _processes() -> dict[int, tuple[int, int, float]]:
    """pid: (parent pid, resident kB, CPU seconds used) of every process (Linux's /proc)."""
    found = {}
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            rss_kb = int(stat[21]) * page_kb
            cpu = (int(stat[11]) + int(stat[12])) / ticks
        except (OSError, IndexError, ValueError):
            continue
        found[int(entry.name)] = (int(stat[1]), rss_kb, cpu)
    return found


def tree_usage(root: int) -> tuple[float, float]:
    """The resident memory (MB) and CPU seconds of a process and all its descendants."""
    processes = _processes()
    tree, todo = {root}, [root]
    while todo:
        parent = todo.pop()
        for pid, (ppid, _, _) in processes.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                todo.append(pid)
    rss = sum(processes[p][1] for p in tree if p in processes) / 1024
    return rss, sum(processes[p][2] for p in tree if p in processes)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fresh_postgres(url: str) -> tuple[str, str]:
    """A new database on DATABASE_URL's server: its URL and name."""
    import psycopg

    name = f"reinstate_load_{os.getpid()}_{secrets.token_hex(3)}"
    parts = urllib.parse.urlsplit(url)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}")), name


def drop_postgres(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def run(server: str, users: int, seconds: float, photo: bytes) -> dict[str, Any]:
    database = os.environ.get("DATABASE_URL", "")
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(
            REINSTATE_HOME=home,
            REINSTATE_LOGIN_RATE="100000/1m",  # every user signs in from 127.0.0.1
            REINSTATE_REMIND_EVERY="0",
            LANG="C.UTF-8",
        )
        dropped = None
        if database:
            env["DATABASE_URL"], dropped = fresh_postgres(database)
        port = free_port()
        log = Path(home) / "server.log"
        try:
            # "base": the code of another checkout (LOAD_BASE), served its own way: the figures
            # before a change. Its folder comes first on the path of every process it starts.
            code = Path(os.environ["LOAD_BASE"]) if server == "base" else ROOT
            cli = [sys.executable, "-m", "reinstate.cli"]
            if server == "base":
                env["PYTHONPATH"] = str(code)
            migrate = [*cli, "migrate", "-v", "0"]
            subprocess.run(migrate, env=env, cwd=code, check=True)
            setup = [sys.executable, str(Path(__file__).resolve()), "prepare", str(users)]
            made = subprocess.run(setup, env=env, cwd=code, capture_output=True, check=True)
            accounts = json.loads(made.stdout)
            command = [*cli, "serve", "--port", str(port)]
            if server != "base":
                command += ["--server", server]
            with log.open("wb") as out:
                process = subprocess.Popen(command, env=env, cwd=code, stdout=out, stderr=out)
                try:
                    return _measure(process, port, accounts, seconds, photo, log, server, database)
                finally:
                    process.send_signal(signal.SIGTERM)
                    try:
                        process.wait(timeout=60)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait()
        finally:
            if dropped:
                drop_postgres(database, dropped)


def _measure(
    process: subprocess.Popen[bytes],
    port: int,
    accounts: list[dict[str, Any]],
    seconds: float,
    photo: bytes,
    log: Path,
    server: str,
    database: str,
) -> dict[str, Any]:
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(log.read_text()) from None
            time.sleep(0.1)
    sessions = []
    for account in accounts:
        session = Session(port)
        session.sign_in(account["username"])
        sessions.append(session)
    warm = Session(port)
    warm.sign_in(accounts[0]["username"])
    for _ in range(3):  # the first request of each process reads the catalogue
        warm.request("GET", f"/cases/{accounts[0]['case']}/")
    rss, cpu_before = tree_usage(process.pid)
    peak = [rss]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            peak[0] = max(peak[0], tree_usage(process.pid)[0])

    load_before = os.getloadavg()
    client_before = time.process_time()
    tally = Tally()
    start = time.monotonic()
    until = start + seconds
    threads = [
        threading.Thread(
            target=one_user,
            args=(session, account["case"], photo, until, tally, n),
            daemon=True,
        )
        for n, (session, account) in enumerate(zip(sessions, accounts, strict=True))
    ]
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    cpu = tree_usage(process.pid)[1] - cpu_before
    done.set()
    sampler.join()
    text = log.read_text(errors="replace")
    latencies = tally.latencies
    return {
        "bench": "load: signed-in users on loopback",
        "server": server,
        "database": "postgresql" if database else "sqlite",
        "users": len(accounts),
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_s": round(percentile(latencies, 50), 3),
        "p95_s": round(percentile(latencies, 95), 3),
        "p99_s": round(percentile(latencies, 99), 3),
        "by_kind": dict(tally.by_kind),
        "p50_p95_by_kind_s": {
            kind: [round(percentile(times, 50), 3), round(percentile(times, 95), 3)]
            for kind, times in sorted(tally.kind_latencies.items())
        },
        "errors": dict(tally.errors),
        "database_is_locked": text.count("database is locked"),
        "server_errors_logged": text.count("Internal Server Error"),
        "server_peak_rss_mb": round(peak[0]),
        # Beside the load average: the cores the server used (1.0 is one core, all the time)
        # and its CPU time per request, which other work on the machine does not change much.
        "server_cores_used": round(cpu / elapsed, 2),
        "server_cpu_ms_per_request": round(1000 * cpu / max(1, len(latencies))),
        "client_cores_used": round((time.process_time() - client_before) / elapsed, 2),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    if sys.argv[1:2] == ["prepare"]:
        sys.stdout.write(json.dumps(prepare(int(sys.argv[2]))) + "\n")
        return
    parser = argparse.ArgumentParser(description="make load: signed-in users on loopback")
    parser.add_argument("--users", default=os.environ.get("LOAD_USERS", "20,50"))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("LOAD_SECONDS", 60)))
    parser.add_argument("--servers", default=os.environ.get("LOAD_SERVERS", "waitress,gunicorn"))
    args = parser.parse_args()
    photo = make_photo()
    for users in [int(u) for u in args.users.split(",")]:
        for server in args.servers.split(","):
            figures = run(server, users, args.seconds, photo)
            sys.stdout.write(json.dumps(figures) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
