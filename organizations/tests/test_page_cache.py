"""Unit pages come from the cache; a unit's staff correcting its contacts shows at once."""

import pytest
from django.test import Client

from organizations.models import Unit

pytestmark = pytest.mark.django_db


def test_a_units_correction_and_deactivation_show_on_the_next_visit(
    client, editor_a, unit_a, django_assert_max_num_queries
):
    detail = f"/units/{unit_a.code}/"
    for url in ("/units/", detail):
        client.get(url)
        with django_assert_max_num_queries(0):
            assert client.get(url)["X-Page-Cache"] == "hit"

    staff = Client()
    staff.force_login(editor_a)
    answer = staff.patch(f"/api/units/{unit_a.code}/", {"phone": "0375-5059999"}, content_type="application/json")
    assert answer.status_code == 200
    assert "0375-5059999" in client.get(detail).content.decode()

    unit = Unit.objects.get(pk=unit_a.pk)
    unit.is_active = False
    unit.save()  # as the administrator does in the back office
    assert client.get(detail).status_code == 404
    assert unit_a.name not in client.get("/units/").content.decode()
