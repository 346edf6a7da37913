"""The Excel import of a power list: merged cells, the cell named for each bad value, all or nothing,
a summary; and the export imports back unchanged."""

from datetime import date

import pytest

from administration.models import ChangeKind, PowerAdjustment, PowerChange, PowerItem
from administration.powers_import import powers_csv, powers_xlsx
from administration.powers_services import ERROR_SAME_AS_CURRENT, powers_import
from administration.tests.power_factories import ADDED, LICENSING_BASIS, adjust, item, xlsx
from lushan_portal.spreadsheets import ImportRejected

pytestmark = pytest.mark.django_db
DAY = date(2025, 6, 3)


def run_import(unit, content: bytes, name: str = "权责清单.xlsx", by=None):
    return powers_import(
        unit=unit, name=name, content=content, effective_on=DAY, reason="首次公布", basis="鲁编办〔2025〕3号", by=by
    )


def test_merged_cells_over_sub_item_rows_make_one_item_with_its_sub_items(unit_a, editor_a):
    rows = [
        [
            1,
            "XK-001",
            "行政许可",
            "社会团体成立、变更、注销登记",
            "成立登记",
            LICENSING_BASIS,
            "县民政局",
            "受理、审查、决定",
            "不予受理的",
        ],
        [None, None, None, None, "变更登记", None, None, None, None],
        [None, None, None, None, "注销登记", None, None, None, None],
        [
            2,
            "CF-001",
            "行政处罚",
            "对社会组织违法行为的处罚",
            None,
            "《社会团体登记管理条例》第三十条",
            "县民政局",
            "立案、调查",
            "滥用职权的",
        ],
    ]
    content = xlsx(rows, merges=["A2:A4", "B2:B4", "C2:C4", "D2:D4", "F2:F4", "G2:G4", "H2:H4", "I2:I4"])
    adjustment, summary = run_import(unit_a, content, by=editor_a)
    changes = list(adjustment.changes.order_by("position"))
    assert [c.code for c in changes] == ["XK-001", "CF-001"]
    assert changes[0].sub_item_list == ["成立登记", "变更登记", "注销登记"]
    assert changes[0].basis == LICENSING_BASIS and changes[1].power_type == "penalty"
    assert (summary.added, summary.changed, summary.removed, summary.unchanged) == (2, 0, 0, 0)
    assert adjustment.status == "draft" and not PowerItem.objects.exists()  # public only once published


def test_sub_items_with_codes_of_their_own_under_a_merged_name_take_the_merged_values(unit_a):
    rows = [
        [
            1,
            "QR-001-01",
            "行政确认",
            "烈士褒扬金发放对象确认",
            "烈士遗属确认",
            "《烈士褒扬条例》第十一条",
            "县退役军人事务局",
            "",
            "",
        ],
        [None, "QR-001-02", None, None, "因公牺牲军人遗属确认", None, None, None, None],
    ]
    adjustment, summary = run_import(unit_a, xlsx(rows, merges=["A2:A3", "C2:C3", "D2:D3", "F2:F3", "G2:G3"]))
    second = adjustment.changes.get(code="QR-001-02")
    assert (second.name, second.power_type, second.basis) == (
        "烈士褒扬金发放对象确认",
        "confirmation",
        "《烈士褒扬条例》第十一条",
    )
    # Blank 责任事项 and 追责情形 are kept blank (shown 未说明) and named as warnings, never filled in.
    assert second.responsibilities == "" and any("H2" in w and "责任事项" in w for w in summary.warnings)


def test_a_wrong_type_names_its_cell_and_imports_nothing(unit_a):
    rows = [
        [1, "XK-001", "行政许可", "社会团体登记", "", LICENSING_BASIS, "县民政局", "受理", "不予受理的"],
        [2, "SH-001", "行政审核", "年检", "", LICENSING_BASIS, "县民政局", "受理", "不予受理的"],
    ]
    with pytest.raises(ImportRejected) as rejected:
        run_import(unit_a, xlsx(rows))
    assert rejected.value.errors == [
        "第 3 行：“职权类型”（C3）“行政审核”不是职权类型（可写：行政许可、行政处罚、行政强制、行政征收、行政给付、"
        "行政检查、行政确认、行政奖励、行政裁决、其他行政权力）"
    ]
    assert not PowerAdjustment.objects.exists() and not PowerChange.objects.exists()


def test_a_missing_basis_names_its_cell_and_imports_nothing(unit_a):
    rows = [
        [1, "XK-001", "行政许可", "社会团体登记", "", LICENSING_BASIS, "县民政局", "受理", "不予受理的"],
        [2, "JC-001", "行政检查", "对社会组织的监督检查", "", "", "县民政局", "检查", "不检查的"],
    ]
    with pytest.raises(ImportRejected) as rejected:
        run_import(unit_a, xlsx(rows, title="鲁山县民政局权责清单"))  # a title row above the header
    assert rejected.value.errors == ["第 4 行：“实施依据”（F4）为空：每项职权都须写明法定依据"]
    assert not PowerAdjustment.objects.exists()


def test_every_bad_row_is_listed_at_once_and_a_duplicate_code_names_the_first_row(unit_a):
    rows = [
        [1, "XK-001", "行政许可", "社会团体登记", "", LICENSING_BASIS, "", "", ""],
        [2, "XK-001", "行政许可", "民办非企业单位登记", "", LICENSING_BASIS, "", "", ""],
        [3, "", "行政奖励", "表彰", "", LICENSING_BASIS, "", "", ""],
    ]
    with pytest.raises(ImportRejected) as rejected:
        run_import(unit_a, xlsx(rows))
    assert rejected.value.errors == [
        "第 3 行：“职权编码”（B3）“XK-001”与第 2 行重复",
        "第 4 行：“职权编码”（B4）为空",
    ]


def test_a_file_without_the_basis_column_is_refused(unit_a):
    header = ["序号", "职权编码", "职权类型", "职权名称"]
    with pytest.raises(ImportRejected) as rejected:
        run_import(unit_a, xlsx([[1, "XK-001", "行政许可", "登记"]], header=header))
    assert rejected.value.errors == ["表头缺少“实施依据”列。"]


def test_a_new_file_against_the_current_list_adds_changes_and_removes(unit_a, reviewer_a):
    adjust(
        unit_a,
        reviewer_a,
        date(2025, 1, 6),
        [(ADDED, item("XK-001", "社会团体登记")), (ADDED, item("XK-002", "基金会登记"))],
    )
    rows = [
        [
            1,
            "XK-001",
            "行政许可",
            "社会团体登记",
            "",
            LICENSING_BASIS,
            "县民政局社会组织股",
            "1.受理责任：公示应当提交的材料。\n2.审查责任：审查申请材料。",
            "对符合法定条件的申请不予受理的；",
        ],
        [
            2,
            "JC-001",
            "行政检查",
            "社会组织年度检查",
            "",
            "《社会团体登记管理条例》第二十八条",
            "县民政局",
            "检查",
            "不检查的",
        ],
    ]
    adjustment, summary = run_import(unit_a, xlsx(rows))
    assert str(summary) == "新增 1 项，变更 0 项，取消 1 项，未变 1 项"
    removed = adjustment.changes.get(kind=ChangeKind.REMOVED)
    assert (removed.code, removed.name) == ("XK-002", "基金会登记")  # the removal keeps the item as it was


def test_the_export_imports_back_as_no_change(unit_a, reviewer_a):
    values = item("XK-001", "社会团体登记", sub_items="成立登记\n变更登记", accountability="=违法收费的")
    adjust(
        unit_a, reviewer_a, date(2025, 1, 6), [(ADDED, values), (ADDED, item("CF-001", "处罚", power_type="penalty"))]
    )
    items = list(PowerItem.objects.filter(unit=unit_a).order_by("position"))
    for name, content in (
        ("清单.xlsx", powers_xlsx(items, "清单")),
        ("清单.csv", powers_csv(items).encode()),
    ):
        with pytest.raises(ImportRejected) as rejected:
            run_import(unit_a, content, name=name)
        assert rejected.value.errors == [ERROR_SAME_AS_CURRENT]
