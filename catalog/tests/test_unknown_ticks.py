"""Catalogs whose ticks were lost: 待补充 stored and shown, warned with the cell, never defaulted
silently, blocking submission until filled or explicitly defaulted; the 公开主体 check."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalog.deadlines import ITEMS_PENDING
from catalog.models import CatalogStatus
from catalog.services import ERROR_PENDING, catalog_default_levels, catalog_items_replace, catalog_start, catalog_submit
from catalog.spreadsheet import (
    ERROR_NO_LEVEL1,
    HEADER,
    WARNING_FOREIGN_UNIT,
    WARNING_NO_COLUMN,
    WARNING_PENDING,
    catalog_csv,
    catalog_items_from_file,
    catalog_xlsx,
)
from catalog.tests.factories import domain, item
from catalog.tests.test_spreadsheet import xlsx
from compliance.registry import incomplete_counts, incomplete_kinds
from lushan_portal.spreadsheets import ImportRejected

pytestmark = pytest.mark.django_db


def row(level1: str, audience: str, mode: str, level: str, responsible: str = "县民政局") -> list[str]:
    return ["1", level1, "审批信息", "名单", "", "10个工作日内", responsible, "政府网站", audience, mode, level]


def pending_items(**ticks: bool):
    flags = {"audience_public": True, "mode_proactive": True, "level_county": False} | ticks
    return [item("最低生活保障", "审批信息", **flags)]


def test_blank_ticks_import_as_pending_with_each_cell_named(unit_a):
    parsed = catalog_items_from_file(
        "c.xlsx", xlsx([HEADER, row("低保", "", "", ""), row("特困", "全社会", "主动", "")])
    )
    first, second = parsed.items
    assert first.pending_fields == ["公开对象", "公开方式", "公开层级"]
    assert (first.audience_label, first.mode_label, first.level_label) == ("待补充", "待补充", "待补充")
    assert second.pending_fields == ["公开层级"] and not (second.level_county or second.level_township)
    assert parsed.warnings == [
        WARNING_PENDING.format(row=2, group="公开对象", ref="I2"),
        WARNING_PENDING.format(row=2, group="公开方式", ref="J2"),
        WARNING_PENDING.format(row=2, group="公开层级", ref="K2"),
        WARNING_PENDING.format(row=3, group="公开层级", ref="K3"),
    ]
    assert parsed.warnings[0] == "第 2 行：“公开对象”（I2）没有选择任何一项，记为待补充"


def test_a_tick_grid_without_ticks_names_its_range_and_a_missing_column_is_pending_too(unit_a):
    rows = [
        ["序号", "一级事项", "公开对象", None, "公开方式", None],
        [None, None, "全社会", "特定群体", "主动", "依申请"],
        ["1", "临时救助", None, None, "√", None],
    ]
    parsed = catalog_items_from_file("c.xlsx", xlsx(rows))
    (only,) = parsed.items
    assert only.pending_fields == ["公开对象", "公开层级"] and only.mode_proactive
    assert parsed.warnings == [
        WARNING_NO_COLUMN.format(group="公开层级"),
        WARNING_PENDING.format(row=3, group="公开对象", ref="C3:D3"),
    ]


def test_every_error_names_its_cell():
    with pytest.raises(ImportRejected) as rejected:
        catalog_items_from_file("c.xlsx", xlsx([HEADER, ["1", "", "政策文件", "", "", "", "", "", "", "", ""]]))
    assert rejected.value.errors == ["第 2 行：" + ERROR_NO_LEVEL1.format(ref="B2")]


@pytest.mark.parametrize(
    ("responsible", "warned"),
    [
        ("宝丰县民政局", True),
        ("某某公司", True),
        ("鲁山县民政局", False),
        ("县民政局", False),
        ("民政局", False),
        ("宝丰县民政局、县民政局", False),
        ("各乡镇人民政府", False),
        ("", False),
    ],
)
def test_a_responsible_unit_of_another_county_is_a_warning_with_its_cell(unit_a, responsible, warned):
    parsed = catalog_items_from_file("c.xlsx", xlsx([HEADER, row("低保", "全社会", "主动", "县级", responsible)]))
    expected = [WARNING_FOREIGN_UNIT.format(row=2, ref="G2", text=responsible)] if warned else []
    assert parsed.warnings == expected
    assert len(parsed.items) == 1


def test_pending_ticks_export_blank_and_import_back_pending(unit_a):
    items = [*pending_items(audience_public=False), item("临时救助", "办事指南")]
    for name, content in (("x.xlsx", catalog_xlsx(items, "目录")), ("x.csv", catalog_csv(items).encode())):
        again = catalog_items_from_file(name, content).items
        assert [i.pending_fields for i in again] == [["公开对象", "公开层级"], []]


def test_a_catalog_with_pending_items_cannot_be_submitted_and_the_message_names_them(township, township_editor):
    draft = catalog_start(unit=township, domain=domain(), by=township_editor)
    catalog_items_replace(catalog=draft, items=[*pending_items(), item("临时救助")], by=township_editor)
    with pytest.raises(ValidationError) as refused:
        catalog_submit(catalog=draft, by=township_editor)
    assert refused.value.messages == [ERROR_PENDING.format(count=1, items="第1项“最低生活保障 › 审批信息”（公开层级）")]
    draft.refresh_from_db()
    assert draft.status == CatalogStatus.DRAFT


def test_the_message_lists_five_pending_items_and_then_says_more(township, township_editor):
    draft = catalog_start(unit=township, domain=domain(), by=township_editor)
    six = [item(f"事项{n}", audience_public=False) for n in range(1, 7)]
    catalog_items_replace(catalog=draft, items=six, by=township_editor)
    with pytest.raises(ValidationError) as refused:
        catalog_submit(catalog=draft, by=township_editor)
    (message,) = refused.value.messages
    assert message.startswith("有 6 个事项待补充") and "第5项“事项5”（公开对象）" in message
    assert "事项6" not in message and message.endswith("等")


@pytest.mark.parametrize(
    ("unit_fixture", "county", "township_level"), [("unit_a", True, False), ("township", False, True)]
)
def test_the_default_level_is_a_button_the_editor_presses_and_is_remembered(
    request, client, django_user_model, unit_fixture, county, township_level
):
    from organizations.models import Role
    from organizations.services import membership_grant

    unit = request.getfixturevalue(unit_fixture)
    editor = django_user_model.objects.create_user(f"editor-{unit.code}")
    membership_grant(user=editor, unit=unit, role=Role.EDITOR)
    draft = catalog_start(unit=unit, domain=domain(), by=editor)
    catalog_items_replace(catalog=draft, items=[*pending_items(), item("临时救助")], by=editor)
    client.force_login(editor)
    page = client.get(reverse("admin:catalog_catalog_change", args=[draft.pk])).content.decode()
    assert "待补充：公开层级" in page and "有 1 个事项待补充" in page and "按本单位层级补充" in page
    listing = client.get(reverse("admin:catalog_catalog_changelist")).content.decode()
    assert '<strong class="errornote">1</strong>' in listing
    assert client.post(reverse("admin:catalog_catalog_default-levels", args=[draft.pk])).status_code == 302
    defaulted, untouched = draft.items.order_by("position")
    assert (defaulted.level_county, defaulted.level_township, defaulted.level_defaulted) == (
        county,
        township_level,
        True,
    )
    assert untouched.level_county and not untouched.level_defaulted  # ticked in the file: not defaulted
    assert catalog_submit(catalog=draft, by=editor).status == CatalogStatus.SUBMITTED


def test_the_public_item_page_says_pending_and_defaulted(client, unit_a, lead_reviewer):
    draft = catalog_start(unit=unit_a, domain=domain())
    catalog_items_replace(catalog=draft, items=pending_items(mode_proactive=False))
    assert catalog_default_levels(catalog=draft) == 1
    with pytest.raises(ValidationError):
        catalog_submit(catalog=draft)  # 公开方式 still 待补充
    draft.items.update(mode_proactive=True)
    catalog_submit(catalog=draft)
    from catalog.services import catalog_review

    catalog_review(catalog=draft, by=lead_reviewer, approve=True)
    page = client.get(draft.items.get().get_absolute_url()).content.decode()
    assert "县级（按本单位层级默认，非原目录所列）" in page


def test_the_admin_import_lists_each_warning(client, unit_a, editor_a):
    draft = catalog_start(unit=unit_a, domain=domain(), by=editor_a)
    client.force_login(editor_a)
    upload = io.BytesIO(xlsx([HEADER, row("低保", "全社会", "主动", "", "宝丰县民政局")]))
    upload.name = "lost-ticks.xlsx"
    response = client.post(reverse("admin:catalog_catalog_import", args=[draft.pk]), {"file": upload}, follow=True)
    page = response.content.decode()
    assert "第 2 行：“公开层级”（K2）没有选择任何一项，记为待补充" in page
    assert "“公开主体”（G2）“宝丰县民政局”不是本县的单位" in page
    assert draft.items.get().pending_fields == ["公开层级"]


def test_pending_items_are_counted_as_incomplete_records(unit_a, unit_b, lead_reviewer):
    kind = next(k for k in incomplete_kinds() if k.code == ITEMS_PENDING)
    draft = catalog_start(unit=unit_a, domain=domain())
    catalog_items_replace(catalog=draft, items=[*pending_items(audience_public=False), item("临时救助")])
    other = catalog_start(unit=unit_b, domain=domain())
    catalog_items_replace(catalog=other, items=[item("临时救助")])
    assert incomplete_counts()[ITEMS_PENDING] == {unit_a.pk: 1}
    assert [kind.missing(i) for i in kind.records()] == [["公开对象", "公开层级"]]
    draft.items.update(audience_public=True, level_county=True)
    assert incomplete_counts()[ITEMS_PENDING] == {}
