"""A guide names the power-list item it implements: both pages link each other, within one unit."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from administration.guides_services import guide_withdraw
from administration.models import PowerItem
from administration.tests.factories import draft_guide, published_guide
from administration.tests.power_factories import ADDED, adjust, item
from conftest import make_user
from organizations.models import Role
from organizations.services import membership_grant


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2026-03-10 10:00 +0800", tick=False):
        yield


@pytest.fixture
def licensing(unit_a, reviewer_a) -> PowerItem:
    adjust(unit_a, reviewer_a, date(2026, 1, 5), [(ADDED, item("XK-001", "社会团体登记"))])
    return PowerItem.objects.get(unit=unit_a, code="XK-001")


def test_the_guide_and_the_power_list_link_each_other_once_published(client, unit_a, licensing):
    powers_url = f"/units/{unit_a.code}/powers/"
    assert "办事指南：" not in client.get(powers_url).content.decode()  # cached now
    guide = published_guide(unit_a, name="社会团体成立登记", power_item=licensing)

    page = client.get(powers_url).content.decode()  # the guide's publication reaches the cached page
    assert f'<a href="{guide.get_absolute_url()}">社会团体成立登记</a>' in page
    detail = client.get(guide.get_absolute_url()).content.decode()
    assert f'href="{powers_url}#item-xk-001"' in detail and "XK-001 社会团体登记" in detail

    guide_withdraw(guide=guide, reason="事项调整")
    assert "社会团体成立登记" not in client.get(powers_url).content.decode()


def test_a_draft_guide_is_not_linked_from_the_power_list(client, unit_a, licensing):
    draft_guide(unit_a, name="社会团体成立登记", power_item=licensing)
    assert "社会团体成立登记" not in client.get(f"/units/{unit_a.code}/powers/").content.decode()


def test_a_guide_cannot_name_another_units_power_item(unit_b, licensing):
    with pytest.raises(ValidationError) as refused:
        draft_guide(unit_b, power_item=licensing)
    assert refused.value.message_dict["power_item"] == ["对应权责事项须是本单位权责清单中的职权。"]


def test_the_admin_offers_only_the_editors_units_items(client, django_user_model, editor_b, unit_b, licensing):
    reviewer_b = make_user(django_user_model, "reviewer-b")
    membership_grant(user=reviewer_b, unit=unit_b, role=Role.REVIEWER)
    adjust(unit_b, reviewer_b, date(2026, 1, 5), [(ADDED, item("CF-009", "乙单位处罚", power_type="penalty"))])
    client.force_login(editor_b)
    page = client.get("/admin/administration/serviceguide/add/").content.decode()
    assert "乙单位处罚" in page and "社会团体登记" not in page
