"""`reinstate policy fetch` reads every policy page the library lists, keeps a version only when
the text changed, and reports a page it cannot read without stopping the others."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.utils.module_loading import import_string
from pytest_django.fixtures import Settings

from reinstate.audit.models import AuditEvent
from reinstate.policies.fetch import fetch_policies
from reinstate.policies.models import PolicyVersion
from reinstate.policies.tests.site import Site, page
from reinstate.testing.cli import ok, reinstate

pytestmark = pytest.mark.django_db

RULE = "<h1>Deactivation policy</h1><p>If your rating falls below the threshold,</p><p>your account may be deactivated.</p>"  # noqa: E501


def serve_all(site: Site, rule: str = RULE) -> None:
    site.serve("/doordash/deactivation", page(rule))
    site.serve("/doordash/lateness", page("<p>One late delivery is not grounds.</p>"))
    site.serve("/flex/succeed", page("<p>Most delivery partners have a Fantastic standing.</p>"))


def test_it_stores_a_first_version_of_every_page(library: Site) -> None:
    serve_all(library)
    out = ok(reinstate("policy", "fetch"))
    assert out["checked"] == 3  # the terms have no page to read
    assert out["failed"] == []
    assert {(c["policy"], c["version"]) for c in out["changed"]} == {
        ("doordash.deactivation_policy", 1),
        ("doordash.lateness", 1),
        ("amazon_flex.succeed_blog", 1),
    }
    stored = PolicyVersion.objects.get(policy="doordash.deactivation_policy")
    # The page's words, a line per block, without its menu's markup, styles or scripts.
    assert stored.text == (
        "Menu\nDeactivation policy\nIf your rating falls below the threshold,\n"
        "your account may be deactivated."
    )
    assert stored.url == f"{library.base}/doordash/deactivation"
    assert len(stored.sha256) == 64
    assert AuditEvent.objects.filter(kind="policy.version_stored").count() == 3


def test_it_stores_a_new_version_only_when_the_text_changed(library: Site) -> None:
    serve_all(library)
    ok(reinstate("policy", "fetch"))
    # Only the layout changed: the same words.
    library.serve("/doordash/deactivation", "<div>" + page(RULE).replace("<p>", "<p class=x>"))
    assert ok(reinstate("policy", "fetch"))["changed"] == []
    serve_all(library, RULE.replace("may be deactivated", "will be deactivated"))
    out = ok(reinstate("policy", "fetch"))
    assert out["changed"] == [
        {
            "policy": "doordash.deactivation_policy",
            "version": 2,
            "url": f"{library.base}/doordash/deactivation",
        }
    ]
    assert PolicyVersion.objects.filter(policy="doordash.deactivation_policy").count() == 2


def test_a_page_that_fails_does_not_stop_the_others(library: Site) -> None:
    serve_all(library)
    del library.pages["/doordash/lateness"]  # 404
    library.serve("/flex/succeed", "%PDF-1.7", kind="application/pdf")
    out = ok(reinstate("policy", "fetch"))
    assert [c["policy"] for c in out["changed"]] == ["doordash.deactivation_policy"]
    failed = {f["policy"]: f["error"] for f in out["failed"]}
    assert failed == {
        "doordash.lateness": "The site answered 404.",
        "amazon_flex.succeed_blog": "The page is not a web page (application/pdf).",
    }


def test_it_refuses_a_page_too_large_or_too_slow(
    library: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_all(library)
    library.serve("/doordash/lateness", page("<p>" + "word " * 400 + "</p>"))
    library.delay["/flex/succeed"] = 0.6
    now = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)
    report = fetch_policies(now, timeout=0.3, max_bytes=1000)
    failed = {str(f["policy"]): str(f["error"]) for f in report.failed}
    assert failed["doordash.lateness"] == "The page is larger than 0.001 MB: not read."
    assert failed["amazon_flex.succeed_blog"].startswith(("No answer within", "The page could not"))
    assert [c["policy"] for c in report.changed] == ["doordash.deactivation_policy"]
    # The slow page's server, waking to answer a client long gone, prints nothing (it once
    # printed a traceback into whichever test ran next on the worker).
    assert library.settle()
    assert capsys.readouterr().err == ""


def test_it_reads_one_platform_when_asked(library: Site) -> None:
    serve_all(library)
    out = ok(reinstate("policy", "fetch", "--platform", "amazon_flex"))
    assert out["checked"] == 1
    assert [c["policy"] for c in out["changed"]] == ["amazon_flex.succeed_blog"]


def test_it_refuses_an_unknown_platform(library: Site) -> None:
    result = reinstate("policy", "fetch", "--platform", "amazon")
    assert result.returncode == 2
    assert "No platform amazon. Use one of: amazon_flex" in result.stderr
    assert not PolicyVersion.objects.exists()


def test_the_worker_reads_the_pages_on_its_schedule(library: Site, settings: Settings) -> None:
    serve_all(library)
    task = import_string("reinstate.policies.tasks.fetch")
    assert "reinstate.policies.tasks.fetch" in settings.TASK_SCHEDULE
    assert task.call()["checked"] == 3
    assert task.call()["changed"] == []  # safe to run twice
