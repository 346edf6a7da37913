"""Staff work on their own unit's decisions only; published ones are corrected or withdrawn, never deleted."""

from datetime import date

import pytest
from django.urls import reverse

from enforcement.models import Decision, DecisionStatus
from enforcement.tests.factories import make_decision
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


def admin_url(name: str, decision: Decision) -> str:
    return reverse(f"admin:enforcement_decision_{name}", args=[decision.pk])


@pytest.mark.parametrize("page", ["change", "delete", "history", "withdraw"])
def test_editor_gets_404_on_another_units_decision(client, editor_a, unit_b, page):
    decision = make_decision(unit_b, publish=page == "withdraw")
    client.force_login(editor_a)
    assert client.get(admin_url(page, decision)).status_code == 404


def test_editor_cannot_publish_another_units_decision(client, editor_a, unit_b):
    decision = make_decision(unit_b)
    client.force_login(editor_a)
    assert client.post(admin_url("publish", decision)).status_code == 404
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DRAFT


def test_editor_list_shows_only_own_unit(client, editor_a, unit_a, unit_b):
    mine, theirs = make_decision(unit_a), make_decision(unit_b)
    client.force_login(editor_a)
    html = client.get(reverse("admin:enforcement_decision_changelist")).content.decode()
    assert mine.decision_number in html and theirs.decision_number not in html


def form_data(unit, **overrides: object) -> dict:
    data = {
        "unit": unit.pk,
        "kind": "penalty",
        "decision_number": "鲁后台罚〔2025〕1号",
        "decision_date": "2025-10-09",
        "party_name": "鲁山县丙公司",
        "party_category": "legal_person",
        "penalty_categories": "罚款",
        "licence_valid": "on",
        "authority_name": "",
        **overrides,
    }
    return data


def test_editor_enters_a_decision_for_own_unit_but_not_for_another(client, editor_a, unit_a, unit_b):
    client.force_login(editor_a)
    refused = client.post(reverse("admin:enforcement_decision_add"), form_data(unit_b))
    assert refused.status_code == 200 and not Decision.objects.exists()
    created = client.post(reverse("admin:enforcement_decision_add"), form_data(unit_a))
    assert created.status_code == 302
    decision = Decision.objects.get()
    assert decision.publication_due == date(2025, 10, 17)
    assert decision.created_by == editor_a and decision.authority_name == unit_a.name


def test_future_dates_are_refused_with_a_chinese_message(client, editor_a, unit_a):
    client.force_login(editor_a)
    page = client.post(reverse("admin:enforcement_decision_add"), form_data(unit_a, decision_date="2025-11-01"))
    assert "决定日期不能晚于今天" in page.content.decode()


def test_publish_button_publishes_on_the_reviewers_review(client, editor_a, reviewer_a, unit_a):
    decision = reviewed(make_decision(unit_a), reviewer=reviewer_a)
    client.force_login(editor_a)
    client.post(admin_url("publish", decision), {"use_review": "1"})
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.PUBLISHED and decision.first_published_at is not None


def test_published_decision_cannot_be_deleted(client, editor_a, unit_a):
    decision = make_decision(unit_a, publish=True)
    client.force_login(editor_a)
    assert client.post(admin_url("delete", decision), {"post": "yes"}).status_code == 403
    assert Decision.objects.filter(pk=decision.pk).exists()


def test_correcting_a_published_decision_needs_a_note_and_is_shown(client, editor_a, unit_a):
    decision = make_decision(unit_a, publish=True, decision_number="鲁后台罚〔2025〕1号")
    client.force_login(editor_a)
    data = form_data(unit_a, fine_amount="0.3", publicity_until="2030-10-09", authority_name=unit_a.name)
    refused = client.post(admin_url("change", decision), data)
    assert "更正已公开的决定必须填写更正说明" in refused.content.decode()
    client.post(admin_url("change", decision), {**data, "correction_note": "罚款金额更正"})
    decision.refresh_from_db()
    assert decision.corrected_at is not None and str(decision.fine_amount) == "0.300000"
    assert decision.history.count() == 3
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "已更正" in page and "罚款金额更正" in page


def test_withdrawal_needs_a_reason_and_takes_the_decision_off_the_public_site(client, editor_a, unit_a):
    decision = make_decision(unit_a, publish=True)
    client.force_login(editor_a)
    assert "该字段是必填项" in client.post(admin_url("withdraw", decision), {"reason": ""}).content.decode()
    client.post(admin_url("withdraw", decision), {"reason": "复议撤销"})
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.WITHDRAWN and decision.withdrawal_reason == "复议撤销"
    client.logout()
    assert client.get(decision.get_absolute_url()).status_code == 404
    assert decision.decision_number not in client.get("/api/enforcement/").content.decode()


def test_supervisor_reads_but_cannot_change(client, supervisor, unit_a):
    decision = make_decision(unit_a)
    client.force_login(supervisor)
    assert client.get(admin_url("change", decision)).status_code == 200
    client.post(admin_url("publish", decision))
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DRAFT


FACTS_WITH_PERSONAL_DATA = "经查，当事人电话138 0013 8000，在幸福路88号门前占道经营。"


def test_the_editor_is_warned_on_save_what_the_public_will_see_masked(client, editor_a, unit_a):
    client.force_login(editor_a)
    data = form_data(unit_a, violation_facts=FACTS_WITH_PERSONAL_DATA)
    page = client.post(reverse("admin:enforcement_decision_add"), data, follow=True).content.decode()
    assert "公开时将隐去" in page
    assert "违法事实：手机号「138 0013 8000」→「[已隐去]」" in page
    assert "违法事实：门牌号「88号」→「[已隐去]」" in page
    decision = Decision.objects.get()
    change_page = client.get(admin_url("change", decision)).content.decode()
    assert "违法事实：手机号「138 0013 8000」→「[已隐去]」" in change_page  # next to the 公开 button


def test_publishing_text_with_personal_data_is_allowed_with_a_warning(client, editor_a, unit_a):
    decision = reviewed(make_decision(unit_a, violation_facts=FACTS_WITH_PERSONAL_DATA))
    client.force_login(editor_a)
    page = client.post(admin_url("publish", decision), {"use_review": "1"}, follow=True).content.decode()
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.PUBLISHED
    assert "手机号「138 0013 8000」→「[已隐去]」" in page


def test_the_publish_action_warns_too(client, editor_a, unit_a):
    decision = reviewed(make_decision(unit_a, violation_facts=FACTS_WITH_PERSONAL_DATA))
    client.force_login(editor_a)
    data = {"action": "publish_selected", "_selected_action": [decision.pk]}
    page = client.post(reverse("admin:enforcement_decision_changelist"), data, follow=True).content.decode()
    assert "手机号「138 0013 8000」→「[已隐去]」" in page


def test_clean_text_gives_no_warning(client, editor_a, unit_a):
    client.force_login(editor_a)
    data = form_data(unit_a, violation_facts="于2026-01-15违反鲁政〔2026〕12号第二十三条，罚款5000元。")
    page = client.post(reverse("admin:enforcement_decision_add"), data, follow=True).content.decode()
    assert "公开时将隐去" not in page
    assert "公开时将隐去" not in client.get(admin_url("change", Decision.objects.get())).content.decode()
