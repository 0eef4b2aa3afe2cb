"""Fixtures every test may use: the personas (a driver, another driver, an advocate), a case
opener, one browser for the whole run; and how the suite itself is set up."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import Browser
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.cases.actions import do_open_case
from reinstate.cases.models import Case
from reinstate.lib.notice_file import notice_from_text
from reinstate.testing import browser as browsers
from reinstate.testing.personas import make_advocate, make_driver, make_other_driver

# The browser tests drive Playwright's synchronous API, which runs an event loop
# in this thread; the ORM calls the live server makes are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}
pytest_plugins = ["reinstate.testing.ordering"]


def pytest_configure(config: pytest.Config) -> None:
    # Argon2 is meant to be slow (a quarter of a second a user); the tests make hundreds of
    # users and check no hashing. tests/test_settings checks the app itself uses Argon2.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        # A file, as the app uses (WAL, busy timeout), not Django's shared in-memory database:
        # there a second connection (the live server's thread, the queue's worker) fails at
        # once with "database table is locked" or "schema is locked" whenever another holds a
        # lock, where a file waits its turn. Each xdist worker gets its own file.
        test_file = Path(settings.REINSTATE_HOME) / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(test_file)
    config.addinivalue_line("markers", "database: uses the database (set by conftest)")


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker and xdist groups the tests
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test that touches the database, so a run can take only those (`-m database`:
    the PostgreSQL run need not repeat the ~1,300 tests that never touch it); keep the
    browser tests on one worker, so one Chromium serves them all; and keep together the tests
    of a module with a module-wide fixture (an S3 server, a backup made once), which xdist
    would otherwise make again each time a worker comes back to the module."""
    for item in items:
        uses = set(getattr(item, "fixturenames", ())) & DATABASE_FIXTURES
        if uses or item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.database)
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
        elif _uses_a_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


def _uses_a_module_fixture(item: pytest.Item) -> bool:
    info = getattr(item, "_fixtureinfo", None)  # pytest's own record of what the test uses
    defs = info.name2fixturedefs.values() if info is not None else ()
    return any(chain[-1].scope == "module" for chain in defs if chain)


@pytest.fixture(scope="session")
def homes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("homes")


@pytest.fixture(autouse=True)
def home(settings: Settings, homes: Path) -> Path:
    """Every test keeps its data folder (blobs, renditions, packets) to itself: tests run side by
    side on several workers, and `verify` must see only the test's own files. Made with mkdtemp
    rather than pytest's tmp_path, which costs 2 ms a test (it numbers each folder by listing
    all the run's folders so far); the folder itself is left for the app to create."""
    folder = Path(tempfile.mkdtemp(dir=homes)) / "home"
    settings.REINSTATE_HOME = folder
    return folder


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """A request leaves its language active in the thread (LocaleMiddleware activates it and
    nothing deactivates it): without this, a test after a Spanish page would read Spanish."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_cache(request: pytest.FixtureRequest) -> None:
    """Sign-in limits live in the database cache, whose table no flush empties: without this,
    the browser tests' sign-ins from 127.0.0.1 add up across tests until one is refused.
    (Tests in a rolled-back transaction lose their cache rows anyway.)

    With a live server, the cache is this process's memory instead: its entries go with the
    test, whatever the server's thread and the queue's worker thread wrote."""
    if "live_server" in request.fixturenames:
        settings = request.getfixturevalue("settings")
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": f"live-{request.node.nodeid}",
            }
        }
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        from django.core.cache import cache

        cache.clear()


@pytest.fixture(autouse=True)
def queue_worker(request: pytest.FixtureRequest) -> Iterator[None]:
    """A live server comes with a worker, as `make run` does: what it queues (a packet build,
    unless REINSTATE_BUILD_INLINE) is run by the real worker, in a thread of this process."""
    if "live_server" not in request.fixturenames:
        yield
        return
    from reinstate.testing.tasks import worker_on_demand

    with worker_on_demand():
        yield


@pytest.fixture
def driver(db: None) -> User:
    return make_driver()


@pytest.fixture
def other_driver(db: None) -> User:
    return make_other_driver()


@pytest.fixture
def advocate(db: None) -> User:
    return make_advocate()


@pytest.fixture
def open_case() -> Callable[..., Case]:
    def _open(
        user: User,
        text: str,
        received: str = "2026-11-02T16:00:00-08:00",
        tz: str = "America/Los_Angeles",
        **kwargs: object,
    ) -> Case:
        return do_open_case(
            owner=user,
            notice=notice_from_text(text),
            received=datetime.fromisoformat(received),
            tz=ZoneInfo(tz),
            **kwargs,  # type: ignore[arg-type]
        )

    return _open


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One Chromium for the whole run; each test opens its own context in it."""
    with browsers.launched() as browser:
        yield browser
