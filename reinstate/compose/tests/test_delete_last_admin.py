"""An organisation always keeps an admin: when its only admin deletes their account, its
earliest other member becomes admin."""

from __future__ import annotations

import pytest

from reinstate.accounts.models import Membership, Organisation, User
from reinstate.audit.models import AuditEvent
from reinstate.compose.delete_account import do_delete_account
from reinstate.testing.personas import make_user

pytestmark = pytest.mark.django_db


def test_the_earliest_other_member_becomes_admin(advocate: User) -> None:
    organisation = Organisation.objects.get(membership__user=advocate)
    for name in ("bea", "cal"):
        Membership.objects.create(organisation=organisation, user=make_user(name))
    do_delete_account(user=advocate, actor=advocate)
    roles = dict(
        Membership.objects.filter(organisation=organisation).values_list("user__username", "role")
    )
    assert roles == {"bea": "admin", "cal": "advocate"}
    event = AuditEvent.objects.get(kind="user.deleted")
    assert event.data["admins_handed_over"] == {str(organisation.pk): "bea"}


def test_another_admin_stays_admin_alone(advocate: User) -> None:
    organisation = Organisation.objects.get(membership__user=advocate)
    Membership.objects.create(organisation=organisation, user=make_user("bea"))
    Membership.objects.create(organisation=organisation, user=make_user("cal"), role="admin")
    do_delete_account(user=advocate, actor=advocate)
    admins = Membership.objects.filter(organisation=organisation, role="admin")
    assert [m.user.username for m in admins] == ["cal"]
    assert "admins_handed_over" not in AuditEvent.objects.get(kind="user.deleted").data
