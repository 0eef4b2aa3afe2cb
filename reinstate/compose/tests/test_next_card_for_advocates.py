"""The case page's "Next" card speaks to whoever reads it (issue 13): to an advocate about the
driver ("Maria's deadline", "La fecha límite de Maria"), to the driver about themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from reinstate.accounts.models import Membership, Organisation, User
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for, clinic, make_user

pytestmark = pytest.mark.django_db

# A day ago, so the deadline (ten days from the notice) is still to come whenever this runs.
RECENT = (datetime.now(UTC) - timedelta(days=1)).isoformat()


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """A Spanish request must not leave Spanish active for the next test."""
    yield
    translation.deactivate()


@pytest.fixture
def maria(driver: User) -> User:
    driver.legal_name = "Maria Lopez"
    driver.save()
    return driver


def shared(case: Case, advocate: User) -> Case:
    case.organisation = clinic(advocate)
    case.save()
    return case


def next_card(user: User, case: Case) -> str:
    response = client_for(user).get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('class="card next-step"')
    return html[start : html.index("</section>", start)]


def body(card: str) -> str:
    """The card without its heading ("Next for Maria: ..."), which named her already."""
    return card[card.index("</h2>") :]


def test_it_tells_an_advocate_about_the_driver_when_the_deadline_passed(
    maria: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    case = shared(open_case(maria, FLEX_LATE), advocate)  # its deadline has passed
    card = next_card(advocate, case)
    assert "Next for Maria: Send Maria&#x27;s appeal now" in card
    assert "Send what Maria has as soon as you can" in body(card)
    assert "Go to Maria&#x27;s appeal" in card
    assert "Your deadline" not in card and "your appeal" not in card
    assert "Send Maria&#x27;s appeal</a>" in card  # the last step in the list
    own = next_card(maria, case)
    assert "Next: Send your appeal now" in own and "Your deadline has passed." in own
    assert "Maria" not in own


def test_it_tells_an_advocate_about_the_driver_in_spanish(
    maria: User, advocate: User, open_case: Callable[..., Case]
) -> None:
    advocate.language = "es"
    advocate.save()
    late = shared(open_case(maria, FLEX_LATE), advocate)
    card = body(next_card(advocate, late))
    assert "La fecha límite de Maria ya pasó. Envía lo que Maria tenga" in card
    assert "Ir a la apelación de Maria" in card
    assert "Tu fecha límite" not in card and "Tu apelación" not in card
    assert "tu apelación" not in card
    fresh = shared(open_case(maria, FLEX_LATE, received=RECENT), advocate)
    card = body(next_card(advocate, fresh))
    assert "lo que la apelación de Maria debe demostrar" in card
    assert "Tu apelación" not in card and "tu apelación" not in card
    # The driver, in Spanish too, still reads about herself.
    maria.language = "es"
    maria.save()
    own = body(next_card(maria, late))
    assert "Tu fecha límite ya pasó." in own and "Maria" not in own


def test_it_shows_the_card_to_nobody_outside_the_case(
    maria: User, advocate: User, other_driver: User, open_case: Callable[..., Case]
) -> None:
    case = shared(open_case(maria, FLEX_LATE), advocate)
    outsider = make_user("olu")
    Membership.objects.create(organisation=Organisation.objects.create(name="Other"), user=outsider)
    url = reverse("cases:detail", args=[case.pk])
    for user in (other_driver, outsider):
        refused = client_for(user).get(url)
        assert refused.status_code == 404
        assert b"Maria" not in refused.content
