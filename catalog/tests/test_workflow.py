"""Compile → submit → approve or return; versions; who may do what."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from catalog.models import Catalog, CatalogStatus
from catalog.services import catalog_items_replace, catalog_review, catalog_start, catalog_submit
from catalog.tests.factories import default_items, domain, item, published_catalog
from organizations.models import Role, Unit
from organizations.services import membership_grant

pytestmark = pytest.mark.django_db


def submitted(unit, by) -> Catalog:
    catalog = catalog_start(unit=unit, domain=domain(), by=by)
    catalog_items_replace(catalog=catalog, items=default_items(), by=by)
    return catalog_submit(catalog=catalog, by=by)


def test_lead_department_reviewer_publishes_a_townships_catalog(township, township_editor, lead_reviewer):
    catalog = submitted(township, township_editor)
    published = catalog_review(catalog=catalog, by=lead_reviewer, approve=True, comment="同意")
    assert published.status == CatalogStatus.PUBLISHED and published.published_at is not None
    assert published.reviews.get().comment == "同意"


def test_an_editor_cannot_approve(township, township_editor):
    catalog = submitted(township, township_editor)
    with pytest.raises(PermissionDenied):
        catalog_review(catalog=catalog, by=township_editor, approve=True)


def test_a_reviewer_of_an_unrelated_department_cannot_approve(township, township_editor, django_user_model, unit_b):
    other = django_user_model.objects.create_user("edu-reviewer")
    membership_grant(user=other, unit=unit_b, role=Role.REVIEWER)
    with pytest.raises(PermissionDenied):
        catalog_review(catalog=submitted(township, township_editor), by=other, approve=True)


def test_the_openness_office_reviews_any_domain(township, township_editor, django_user_model):
    office = Unit.objects.create(code="gov-office", name="县政府办公室", kind="county_department")
    reviewer = django_user_model.objects.create_user("office")
    membership_grant(user=reviewer, unit=office, role=Role.REVIEWER)
    catalog = catalog_review(catalog=submitted(township, township_editor), by=reviewer, approve=True)
    assert catalog.status == CatalogStatus.PUBLISHED


def test_returning_needs_a_comment_and_lets_the_editor_revise(township, township_editor, lead_reviewer):
    catalog = submitted(township, township_editor)
    with pytest.raises(ValidationError):
        catalog_review(catalog=catalog, by=lead_reviewer, approve=False, comment="")
    returned = catalog_review(catalog=catalog, by=lead_reviewer, approve=False, comment="缺少临时救助审核信息")
    assert returned.status == CatalogStatus.RETURNED
    catalog_items_replace(catalog=returned, items=[*default_items(), item("临时救助", "审核信息")], by=township_editor)
    assert catalog_submit(catalog=returned, by=township_editor).status == CatalogStatus.SUBMITTED


def test_a_submitted_or_published_catalog_cannot_be_edited(township, township_editor, lead_reviewer):
    catalog = submitted(township, township_editor)
    with pytest.raises(ValidationError):
        catalog_items_replace(catalog=catalog, items=default_items(), by=township_editor)
    published = catalog_review(catalog=catalog, by=lead_reviewer, approve=True)
    with pytest.raises(ValidationError):
        catalog_items_replace(catalog=published, items=default_items(), by=township_editor)


def test_an_empty_catalog_cannot_be_submitted_unless_the_domain_does_not_apply(township, township_editor):
    catalog = catalog_start(unit=township, domain=domain("tax"), by=township_editor)
    with pytest.raises(ValidationError, match="没有事项"):
        catalog_submit(catalog=catalog, by=township_editor)
    catalog.not_applicable = True
    catalog.save()
    with pytest.raises(ValidationError, match="必须填写说明"):
        catalog_submit(catalog=catalog, by=township_editor)
    catalog.not_applicable_note = "本镇不涉及税收管理。"
    catalog.save()
    assert catalog_submit(catalog=catalog, by=township_editor).status == CatalogStatus.SUBMITTED


def test_a_new_version_replaces_the_old_which_stays_readable(client, township, township_editor, lead_reviewer):
    first = published_catalog(township, lead_reviewer)
    second = catalog_start(unit=township, domain=first.domain, by=township_editor, based_on=first)
    assert second.version == 2 and second.items.count() == 3
    catalog_items_replace(catalog=second, items=[item("最低生活保障", "政策文件")], by=township_editor)
    catalog_submit(catalog=second, by=township_editor)
    catalog_review(catalog=second, by=lead_reviewer, approve=True)
    first.refresh_from_db()
    assert first.status == CatalogStatus.SUPERSEDED
    url = reverse("catalog:unit_domain", args=[township.code, "social-assistance"])
    assert "政策文件" in client.get(url).content.decode()
    old = client.get(url, {"version": 1}).content.decode()
    assert "办事指南" in old and "已被新版本替代" in old


def test_a_township_starts_from_the_county_departments_catalog(unit_a, township, township_editor, lead_reviewer):
    county = published_catalog(unit_a, lead_reviewer)
    draft = catalog_start(unit=township, domain=county.domain, by=township_editor, based_on=county)
    assert [i.level2 for i in draft.items.all()] == [i.level2 for i in county.items.all()]
    assert {i.responsible for i in draft.items.all()} == {township.name}
    assert draft.based_on == county


def test_only_one_open_draft_per_unit_and_domain(township, township_editor):
    catalog_start(unit=township, domain=domain(), by=township_editor)
    with pytest.raises(ValidationError):
        catalog_start(unit=township, domain=domain(), by=township_editor)


def test_unit_b_cannot_see_or_edit_unit_as_draft_in_the_admin(client, unit_a, unit_b, editor_a, editor_b):
    draft = catalog_start(unit=unit_a, domain=domain(), by=editor_a)
    client.force_login(editor_b)
    assert client.get(reverse("admin:catalog_catalog_change", args=[draft.pk])).status_code == 404
    assert client.post(reverse("admin:catalog_catalog_submit", args=[draft.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        catalog_start(unit=unit_a, domain=domain("education"), by=editor_b)


def test_admin_flow_for_editor_and_reviewer(client, unit_a, editor_a, lead_reviewer):
    client.force_login(editor_a)
    response = client.post(
        reverse("admin:catalog_catalog_add"),
        {
            "unit": unit_a.pk,
            "domain": domain().pk,
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
            "reviews-TOTAL_FORMS": "0",
            "reviews-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    catalog = Catalog.objects.get()
    catalog_items_replace(catalog=catalog, items=default_items(), by=editor_a)
    client.post(reverse("admin:catalog_catalog_submit", args=[catalog.pk]))
    catalog.refresh_from_db()
    assert catalog.status == CatalogStatus.SUBMITTED
    assert client.get(reverse("admin:catalog_catalog_review", args=[catalog.pk])).status_code == 403
    client.force_login(lead_reviewer)
    client.post(reverse("admin:catalog_catalog_review", args=[catalog.pk]), {"comment": "", "approve": "1"})
    catalog.refresh_from_db()
    assert catalog.status == CatalogStatus.PUBLISHED


def test_a_published_catalog_cannot_be_changed_in_the_admin(client, unit_a, editor_a, lead_reviewer):
    catalog = published_catalog(unit_a, lead_reviewer)
    client.force_login(editor_a)
    response = client.post(reverse("admin:catalog_catalog_change", args=[catalog.pk]), {"not_applicable": "on"})
    assert response.status_code == 403
