"""Publishing a guide: refused while an element is missing (the message names it), then refused
without a review; corrected with a note, withdrawn with a reason; staff of another unit refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from administration import rules
from administration.guides_selectors import missing_elements
from administration.guides_services import guide_correct, guide_publish, guide_save, guide_withdraw
from administration.models import FeeMode, GuideStatus, ServiceGuide
from administration.tests.factories import draft_guide, published_guide
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


def test_a_guide_missing_its_materials_is_refused_naming_them(unit_a, editor_a):
    guide = reviewed(draft_guide(unit_a, materials=False))
    with pytest.raises(ValidationError) as refused:
        guide_publish(guide=guide, by=editor_a)
    assert refused.value.messages == ["办事指南缺少以下要素，不能发布：办理材料。"]
    guide.refresh_from_db()
    assert guide.status == GuideStatus.DRAFT


def test_every_missing_element_is_named_in_the_inspection_order(unit_a):
    guide = draft_guide(unit_a, materials=False, steps=False, name="", hours="", consult_phone="", fee_mode="")
    assert missing_elements(guide) == ["事项名称", "办理材料", "办理时间", "联系电话", "办理流程", "收费"]
    assert missing_elements(guide, elements=rules.INSPECTION_ELEMENTS) == [
        "事项名称",
        "办理材料",
        "办理时间",
        "联系电话",
        "办理流程",
    ]


def test_a_charged_guide_needs_its_basis_and_amount(unit_a):
    guide = draft_guide(unit_a, fee_mode=FeeMode.CHARGED, fee_basis="", fee_amount="")
    assert missing_elements(guide) == ["收费"]
    guide.fee_basis, guide.fee_amount = "豫发改收费〔2020〕1号", "每件 10 元"
    assert missing_elements(guide) == []


def test_an_unknown_time_limit_is_missing_and_zero_is_immediate(unit_a):
    assert missing_elements(draft_guide(unit_a, legal_limit_days=None)) == ["办理时限"]
    assert missing_elements(draft_guide(unit_a, legal_limit_days=0, promised_limit_days=0)) == []


def test_a_complete_guide_still_needs_its_review(unit_a, editor_a):
    guide = draft_guide(unit_a)
    with pytest.raises(ValidationError, match="公开审查"):
        guide_publish(guide=guide, by=editor_a)
    guide_publish(guide=reviewed(guide), by=editor_a)
    guide.refresh_from_db()
    assert guide.status == GuideStatus.PUBLISHED and guide.published_at is not None


def test_a_promise_longer_than_the_law_is_refused(unit_a):
    with pytest.raises(ValidationError) as refused:
        draft_guide(unit_a, legal_limit_days=10, promised_limit_days=15)
    assert refused.value.message_dict == {"promised_limit_days": ["承诺办结时限不能长于法定办结时限。"]}


def test_staff_of_another_unit_can_neither_save_nor_publish(unit_a, editor_b):
    guide = reviewed(draft_guide(unit_a))
    with pytest.raises(PermissionDenied):
        guide_save(guide=guide, by=editor_b)
    with pytest.raises(PermissionDenied):
        guide_publish(guide=guide, by=editor_b)


def test_a_published_guide_changes_only_as_a_correction_with_a_note(unit_a, editor_a):
    guide = published_guide(unit_a)
    guide.hours = "工作日 8:30–17:30"
    with pytest.raises(ValidationError, match="更正说明"):
        guide_save(guide=guide, by=editor_a)
    with pytest.raises(ValidationError, match="更正说明"):
        guide_correct(guide=guide, note=" ", by=editor_a)
    guide_correct(guide=guide, note="冬季作息时间调整", by=editor_a)
    guide.refresh_from_db()
    assert guide.hours == "工作日 8:30–17:30"
    assert guide.correction_note == "冬季作息时间调整" and guide.corrected_at is not None


def test_a_correction_cannot_drop_an_element(unit_a, editor_a):
    guide = published_guide(unit_a)
    guide.legal_basis = ""
    with pytest.raises(ValidationError, match="设定依据"):
        guide_correct(guide=guide, note="删除依据", by=editor_a)
    assert ServiceGuide.objects.get(pk=guide.pk).legal_basis


def test_withdrawal_needs_a_reason_and_keeps_the_guide(unit_a, editor_a):
    guide = published_guide(unit_a)
    with pytest.raises(ValidationError, match="理由"):
        guide_withdraw(guide=guide, reason="", by=editor_a)
    guide_withdraw(guide=guide, reason="事项已取消（鲁政〔2025〕8号）", by=editor_a)
    guide.refresh_from_db()
    assert guide.status == GuideStatus.WITHDRAWN and guide.withdrawal_reason.startswith("事项已取消")
    with pytest.raises(ValidationError):
        guide_publish(guide=reviewed(guide), by=editor_a)
    assert guide.history.count() >= 3
