"""The protective appeal's "Mark it as sent" opens the send page's form ready to say so, and the
sending is kept as a protective one."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reinstate.appeals.models import Sending
from reinstate.cases.models import Case
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def test_the_protective_pages_link_opens_the_form_ready_for_it(ready_case: Case) -> None:
    client = client_for(ready_case.owner)
    page = client.get(reverse("appeals:protective", args=[ready_case.pk])).content.decode()
    link = reverse("appeals:step_send", args=[ready_case.pk]) + "?kind=protective"
    assert f'href="{link}"' in page
    form = client.get(link).content.decode()
    assert 'value="protective" id="id_kind_1" checked' in form
    assert "<details open>" in form


def test_a_protective_sending_is_kept_as_one(ready_case: Case) -> None:
    sent = {
        "kind": "protective",
        "sent_at": "2026-11-05T10:00",
        "channel": "app_form",
        "reference": "",
    }
    client_for(ready_case.owner).post(reverse("appeals:mark_sent", args=[ready_case.pk]), sent)
    assert Sending.objects.get(case=ready_case).kind == Sending.Kind.PROTECTIVE
