"""An old download link of a rebuilt packet says it was replaced and links the newest one;
an outsider still gets 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db


def test_a_replaced_packets_link_points_at_the_newest(ready_case: Case, other_driver: User) -> None:
    client = client_for(ready_case.owner)
    build = reverse("appeals:build_packet", args=[ready_case.pk])
    client.post(build, {"format": "txt"})
    client.post(build, {"format": "txt"})
    first, second = ready_case.packets.order_by("pk")
    old = reverse("appeals:packet_download", args=[ready_case.pk, first.pk])
    newest = reverse("appeals:packet_download", args=[ready_case.pk, second.pk])

    response = client.get(old)
    page = response.content.decode()
    assert response.status_code == 410
    assert "This packet was replaced by a newer one" in page
    assert f'href="{newest}"' in page
    assert client.get(newest).status_code == 200

    assert client_for(other_driver).get(old).status_code == 404
    assert client_for(other_driver).get(newest).status_code == 404


def test_a_packet_still_building_says_so(ready_case: Case) -> None:
    packet = ready_case.packets.create(format="pdf")
    response = client_for(ready_case.owner).get(
        reverse("appeals:packet_download", args=[ready_case.pk, packet.pk])
    )
    assert response.status_code == 404 and "still being built" in response.content.decode()
