"""The scene every advocacy test starts from: Dana's case shared with Ada's clinic, Bea a
second member of it, and the outsiders who must get 404."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from reinstate.accounts.models import Membership, Organisation, User
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import clinic, make_user


@dataclass(frozen=True)
class Scene:
    driver: User
    other_driver: User
    advocate: User  # Ada, admin of the clinic
    colleague: User  # Bea, an advocate of the clinic
    outsider: User  # an advocate of another organisation
    former: User  # once an advocate of the clinic, removed
    case: Case

    @property
    def organisation(self) -> Organisation:
        return clinic(self.advocate)


@pytest.fixture
def scene(
    driver: User, other_driver: User, advocate: User, open_case: Callable[..., Case]
) -> Scene:
    organisation = clinic(advocate)
    driver.legal_name = "Dana Reyes"
    driver.save()
    case = open_case(driver, FLEX_LATE)
    case.organisation = organisation
    case.save()
    colleague = make_user("bea", legal_name="Bea Moreno")
    Membership.objects.create(organisation=organisation, user=colleague)
    outsider = make_user("olu")
    Membership.objects.create(organisation=Organisation.objects.create(name="Other"), user=outsider)
    former = make_user("fern")
    Membership.objects.create(organisation=organisation, user=former)
    Membership.objects.filter(user=former).delete()
    return Scene(driver, other_driver, advocate, colleague, outsider, former, case)
