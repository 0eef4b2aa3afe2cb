"""Every page is sent with a Content-Security-Policy that runs only the app's own scripts, and
no template holds a script, an event handler or a style the policy would refuse (issue 15)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

import reinstate
from reinstate.accounts.models import User
from reinstate.testing.personas import client_for

INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>"), "a script written in the page"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I), "an event handler attribute"),
    (re.compile(r"\bstyle\s*=\s*[\"']", re.I), "a style attribute"),
    (re.compile(r"javascript:", re.I), "a javascript: link"),
]


@pytest.mark.django_db
def test_pages_are_sent_with_the_policy(driver: User) -> None:
    for client, path in ((Client(), "/accounts/signup/"), (client_for(driver), "/cases/")):
        policy = client.get(path)["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-eval" not in policy


def test_no_template_holds_what_the_policy_refuses() -> None:
    found = []
    for template in Path(reinstate.__file__).parent.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{template.name}:{line}: {what}")
    assert found == [], found
