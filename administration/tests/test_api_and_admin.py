"""The API shows only what is published; staff reach only their own unit's records in the admin,
by URL, by a forged POST, or through the import."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from administration.models import PowerAdjustment, PowerItem, UnitProfile
from administration.profiles_services import profile_publish
from administration.tests.power_factories import ADDED, REMOVED, adjust, item, review, xlsx
from conftest import VerifiedClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def lists(unit_a, unit_b, reviewer_a, django_user_model):
    adjust(
        unit_a,
        reviewer_a,
        date(2025, 1, 6),
        [(ADDED, item("XK-001", "社会团体登记")), (ADDED, item("XK-002", "基金会登记"))],
    )
    adjust(unit_a, reviewer_a, date(2025, 6, 2), [(REMOVED, {"code": "XK-002"})])
    PowerAdjustment.objects.create(unit=unit_b, effective_on=date(2025, 1, 6), reason="草稿", basis="草稿")
    return unit_a


def logged_in(user) -> VerifiedClient:
    client = VerifiedClient()
    client.force_login(user)
    return client


def test_the_api_lists_current_items_and_published_adjustments_only(client, lists):
    items = client.get("/api/power-items/", {"unit": "civil-affairs"}).json()["results"]
    assert [row["code"] for row in items] == ["XK-001"]
    assert items[0]["power_type_label"] == "行政许可"
    assert client.get("/api/power-items/", {"q": "社会团体"}).json()["results"][0]["code"] == "XK-001"
    adjustments = client.get("/api/power-adjustments/").json()["results"]
    assert [(a["unit"], a["effective_on"]) for a in adjustments] == [
        ("civil-affairs", "2025-06-02"),
        ("civil-affairs", "2025-01-06"),
    ]
    assert adjustments[0]["changes"][0]["name"] == "基金会登记"
    assert client.get("/api/unit-profiles/").json()["results"] == []


def test_an_editor_of_another_unit_cannot_open_or_import_into_a_units_list(lists, editor_b, unit_a, unit_b):
    client = logged_in(editor_b)
    adjustment = PowerAdjustment.objects.filter(unit=unit_a).first()
    assert client.get(reverse("admin:administration_poweradjustment_change", args=[adjustment.pk])).status_code == 404
    assert client.get(reverse("admin:administration_poweradjustment_publish", args=[adjustment.pk])).status_code == 404
    own = PowerAdjustment.objects.get(unit=unit_b)
    assert client.get(reverse("admin:administration_poweradjustment_change", args=[own.pk])).status_code == 200
    content = xlsx([[1, "XK-009", "行政许可", "伪造事项", "", "依据", "", "", ""]])
    response = client.post(
        reverse("admin:administration_powers_import"),
        {
            "unit": unit_a.pk,  # a forged POST naming another unit
            "effective_on": "2025-07-01",
            "reason": "r",
            "basis": "b",
            "file": SimpleUploadedFile("清单.xlsx", content),
        },
    )
    assert response.status_code == 200 and "选择一个有效的选项" in response.content.decode()
    assert not PowerAdjustment.objects.filter(unit=unit_a, effective_on=date(2025, 7, 1)).exists()


def test_the_import_page_makes_a_draft_and_names_the_bad_cell(lists, editor_a, unit_a):
    client = logged_in(editor_a)
    url = reverse("admin:administration_powers_import")
    form = {"unit": unit_a.pk, "effective_on": "2025-07-01", "reason": "调整", "basis": "鲁编〔2025〕2号"}
    bad = xlsx([[1, "XK-001", "许可审批", "社会团体登记", "", "依据", "", "", ""]])
    response = client.post(url, form | {"file": SimpleUploadedFile("清单.xlsx", bad)})
    assert "“职权类型”（C2）“许可审批”不是职权类型" in response.content.decode()
    good = xlsx([[1, "XK-001", "行政许可", "社会团体登记", "", "新依据", "县民政局", "受理", "不受理的"]])
    response = client.post(url, form | {"file": SimpleUploadedFile("清单.xlsx", good)}, follow=True)
    assert "已导入为未发布的调整：新增 0 项，变更 1 项，取消 0 项，未变 0 项" in response.content.decode()
    assert PowerAdjustment.objects.filter(unit=unit_a, status="draft").count() == 1


def test_a_supervisor_reads_every_units_adjustments_but_cannot_publish(lists, supervisor, unit_b):
    client = logged_in(supervisor)
    own = PowerAdjustment.objects.get(unit=unit_b)
    assert client.get(reverse("admin:administration_poweradjustment_change", args=[own.pk])).status_code == 200
    assert client.post(reverse("admin:administration_poweradjustment_publish", args=[own.pk])).status_code == 403


def test_a_published_profile_is_read_only_in_the_admin(unit_a, editor_a, reviewer_a):
    profile = UnitProfile.objects.create(unit=unit_a, effective_on=date(2025, 1, 1), functions="职能")
    review(profile, reviewer_a)
    profile_publish(profile=profile)
    client = logged_in(editor_a)
    url = reverse("admin:administration_unitprofile_change", args=[profile.pk])
    client.post(url, {"unit": unit_a.pk, "effective_on": "2025-01-01", "functions": "改写"})
    assert UnitProfile.objects.get(pk=profile.pk).functions == "职能"


def test_a_draft_or_removed_record_is_not_found_by_its_api_id(client, lists, unit_b):
    draft = PowerAdjustment.objects.get(unit=unit_b)
    assert client.get(f"/api/power-adjustments/{draft.pk}/").status_code == 404
    removed = PowerItem.objects.get(code="XK-002")
    assert client.get(f"/api/power-items/{removed.pk}/").status_code == 404
    assert client.post("/api/power-items/", {"code": "X"}).status_code in (403, 405)
