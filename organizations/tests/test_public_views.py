import pytest
from django.urls import reverse

from organizations.models import Unit
from organizations.seed import seed_units

pytestmark = pytest.mark.django_db


def test_unit_list_groups_departments_townships_and_subdistricts(client, django_assert_max_num_queries):
    seed_units()
    with django_assert_max_num_queries(3):
        page = client.get(reverse("organizations:unit_list"))
    text = page.content.decode()
    assert page.status_code == 200
    for heading in ["县政府部门", "乡镇", "街道办事处"]:
        assert f">{heading}</h2>" in text
    assert "鲁山县下汤镇人民政府" in text


def test_unit_page_shows_contacts(client, unit_a):
    Unit.objects.filter(pk=unit_a.pk).update(phone="0375-5051234")
    page = client.get(reverse("organizations:unit_detail", args=[unit_a.code]))
    assert "0375-5051234" in page.content.decode()
    assert client.get("/units/no-such-unit/").status_code == 404


def test_inactive_unit_is_not_public(client, unit_a):
    Unit.objects.filter(pk=unit_a.pk).update(is_active=False)
    assert client.get(reverse("organizations:unit_detail", args=[unit_a.code])).status_code == 404


def test_units_api_lists_units_with_constant_queries(client, django_assert_max_num_queries):
    seed_units()
    with django_assert_max_num_queries(2):
        response = client.get("/api/units/?kind=township")
    body = response.json()
    assert body["count"] == 20
    assert {"code", "name", "kind", "parent"} <= set(body["results"][0])


def test_units_api_is_read_only(client, editor_a, unit_a):
    client.force_login(editor_a)
    response = client.delete(f"/api/units/{unit_a.code}/")
    assert response.status_code == 405


def test_units_api_lets_staff_correct_only_their_own_unit(client, editor_a, unit_a, unit_b):
    client.force_login(editor_a)
    refused = client.patch(f"/api/units/{unit_b.code}/", {"phone": "123"}, content_type="application/json")
    assert refused.status_code == 403
    allowed = client.patch(
        f"/api/units/{unit_a.code}/", {"phone": "0375-1", "name": "改名"}, content_type="application/json"
    )
    assert allowed.status_code == 200
    unit_a.refresh_from_db()
    assert unit_a.phone == "0375-1" and unit_a.name == "鲁山县民政局"


def test_units_api_refuses_anonymous_writes(client, unit_a):
    response = client.patch(f"/api/units/{unit_a.code}/", {"phone": "1"}, content_type="application/json")
    assert response.status_code == 403
