"""A dispute or a data request, once the driver says it went out, has its answer's due day
counted on the options page (issue 12: the FCRA's 30 days, CCPA's 45)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.appeals.models import RequestSent
from reinstate.appeals.options import case_options
from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def fcra(case: Case) -> object:
    return next(o for o in case_options(case, now=timezone.now()) if o.key == "fcra_dispute")


def sent_url(case: Case, key: str = "fcra_dispute") -> str:
    return reverse("appeals:option_sent", args=[case.pk, key])


def test_the_dispute_has_no_due_day_until_it_is_sent(seattle_case: Case) -> None:
    option = fcra(seattle_case)
    assert option.deadline is None  # type: ignore[attr-defined]
    assert "It starts when you send it" in option.clock_source  # type: ignore[attr-defined]
    page = client_for(seattle_case.owner).get(
        reverse("appeals:option_draft", args=[seattle_case.pk, "fcra_dispute"])
    )
    assert "Sent it?" in page.content.decode()


def test_marking_it_sent_counts_30_days_and_is_audited(seattle_case: Case) -> None:
    sent_on = timezone.localtime(timezone.now(), seattle_case.tz).date()
    response = client_for(seattle_case.owner).post(
        sent_url(seattle_case), {"sent_on": sent_on.isoformat(), "reference": "D-19"}
    )
    assert response.status_code == 302
    deadline: datetime = fcra(seattle_case).deadline  # type: ignore[attr-defined]
    assert (deadline.astimezone(seattle_case.tz).date() - sent_on).days == 30
    event = AuditEvent.objects.filter(kind=EventKind.APPEAL_REQUEST_SENT).get()
    assert event.data["option"] == "fcra_dispute"
    page = client_for(seattle_case.owner).get(reverse("appeals:options", args=[seattle_case.pk]))
    assert page.status_code == 200


def test_a_day_to_come_is_refused_and_nothing_is_kept(seattle_case: Case) -> None:
    response = client_for(seattle_case.owner).post(
        sent_url(seattle_case), {"sent_on": date(2099, 1, 1).isoformat()}
    )
    assert response.status_code == 400
    assert "That day has not come yet" in response.content.decode()
    assert not RequestSent.objects.exists()


def test_only_clocked_requests_and_only_their_people(
    seattle_case: Case, other_driver: User
) -> None:
    today = timezone.localtime(timezone.now(), seattle_case.tz).date().isoformat()
    owner = client_for(seattle_case.owner)
    assert owner.post(sent_url(seattle_case, "legal_help"), {"sent_on": today}).status_code == 404
    outsider = client_for(other_driver)
    assert outsider.post(sent_url(seattle_case), {"sent_on": today}).status_code == 404
    assert not RequestSent.objects.exists()
