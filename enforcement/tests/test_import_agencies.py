"""The deciding agency named on each row (处罚机关 / 许可机关, 2016 standard with credit codes)
decides the row's unit; the chosen unit is only the default; every refusal names the cell."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from audit.models import AuditEvent, Event
from enforcement.demo import credit_code
from enforcement.import_agency import (
    ERROR_AGENCY_AMBIGUOUS,
    ERROR_AGENCY_BLANK,
    ERROR_AGENCY_CODE_MISMATCH,
    ERROR_AGENCY_CONFLICT,
    ERROR_AGENCY_NOT_DEFAULT,
    ERROR_AGENCY_NOT_WRITABLE,
    ERROR_AGENCY_UNKNOWN,
    ERROR_NO_AGENCY_COLUMN,
)
from enforcement.importer import COMMAND_LINE, ERROR_DATE_BLANK, ImportRejected, decisions_import
from enforcement.models import Decision
from enforcement.tests.test_import import HEADER, licence_row, penalty_row, xlsx

pytestmark = pytest.mark.django_db

# Columns N, O and P after the 13 of HEADER.
AGENCY_HEADER = [*HEADER, "处罚机关", "处罚机关统一社会信用代码", "许可机关"]
CODE_A = credit_code("11410423MB1234567")
CODE_B = credit_code("11410423MB7654321")
UNKNOWN_CODE = credit_code("11410423MB0000000")


@pytest.fixture
def coded_units(unit_a, unit_b):
    unit_a.short_name, unit_a.credit_code, unit_a.aliases = "县民政局", CODE_A, "鲁山县民政事业管理局\n"
    unit_a.save()
    unit_b.short_name, unit_b.credit_code = "县教体局", CODE_B
    unit_b.save()
    return unit_a, unit_b


def penalty(number: str, authority: str = "", code: str = "", **overrides: object) -> list[object]:
    return [*penalty_row(number, **overrides), authority, code, ""]


def licence(number: str, authority: str = "") -> list[object]:
    return [*licence_row(number), "", "", authority]


def agency_file(*rows: list[object]) -> bytes:
    return xlsx(list(rows), header=AGENCY_HEADER)


def rejected_errors(**kwargs: object) -> list[str]:
    before = Decision.history.count()
    with pytest.raises(ImportRejected) as rejected:
        decisions_import(name="d.xlsx", **kwargs)
    assert Decision.history.count() == before  # nothing written
    return rejected.value.errors


def audit_rows() -> list[tuple[str, str, str]]:
    return list(
        AuditEvent.objects.filter(event=Event.IMPORT).order_by("id").values_list("username", "result", "detail")
    )


def test_one_file_with_two_agencies_by_credit_code_and_by_short_name(coded_units, tmp_path: Path):
    unit_a, unit_b = coded_units
    path = tmp_path / "platform.xlsx"
    path.write_bytes(agency_file(penalty("罚A1号", code=CODE_A.lower()), licence("许B1号", authority="县教体局")))
    out = io.StringIO()
    call_command("import_enforcement", str(path), "--draft", stdout=out)  # no --unit: the file names the agencies
    assert "已导入 2 条决定（鲁山县民政局、鲁山县教育体育局）" in out.getvalue()
    by_number = {d.decision_number: d for d in Decision.objects.select_related("unit")}
    assert by_number["罚A1号"].unit == unit_a and by_number["许B1号"].unit == unit_b
    # What the file left blank is the unit's own: its name and registered credit code.
    assert (by_number["许B1号"].authority_name, by_number["许B1号"].authority_credit_code) == ("县教体局", CODE_B)
    assert by_number["罚A1号"].authority_name == unit_a.name
    assert audit_rows() == [(COMMAND_LINE, "success", "civil-affairs、education platform.xlsx：2 条，公开 0 条")]


def test_full_name_and_a_former_name_recorded_as_alias_match(coded_units):
    unit_a, _ = coded_units
    former = "鲁山县民政事业管理局"
    content = agency_file(penalty("罚1号", authority="鲁山县民政局"), penalty("罚2号", authority=former))
    decisions_import(unit=None, name="d.xlsx", content=content, publish=False)
    assert set(Decision.objects.values_list("unit", flat=True)) == {unit_a.pk}


def test_an_unknown_agency_is_a_row_error_naming_the_cell_and_nothing_is_written(coded_units):
    errors = rejected_errors(
        unit=None,
        content=agency_file(penalty("罚1号", authority="县民政局"), penalty("罚2号", authority="鲁山县不存在局")),
    )
    assert errors == ["第 3 行：" + ERROR_AGENCY_UNKNOWN.format(header="处罚机关", ref="N3", value="鲁山县不存在局")]
    assert audit_rows() == [("命令行", "failure", "civil-affairs d.xlsx：未导入（1 处错误）")]


def test_an_unknown_credit_code_alone_is_a_row_error_naming_its_cell(coded_units):
    errors = rejected_errors(unit=None, content=agency_file(penalty("罚1号", code=UNKNOWN_CODE)))
    expected = ERROR_AGENCY_UNKNOWN.format(header="处罚机关统一社会信用代码", ref="O2", value=UNKNOWN_CODE)
    assert errors == ["第 2 行：" + expected]
    assert audit_rows() == [("命令行", "failure", "（未匹配到单位） d.xlsx：未导入（1 处错误）")]


def test_name_and_code_of_two_different_units_are_refused(coded_units):
    errors = rejected_errors(unit=None, content=agency_file(penalty("罚1号", authority="县民政局", code=CODE_B)))
    expected = ERROR_AGENCY_CONFLICT.format(
        name_header="处罚机关",
        name_ref="N2",
        name_unit="鲁山县民政局",
        code_header="处罚机关统一社会信用代码",
        code_ref="O2",
        code_unit="鲁山县教育体育局",
    )
    assert errors == ["第 2 行：" + expected]


def test_a_code_that_differs_from_the_units_registered_code_is_refused(coded_units):
    errors = rejected_errors(unit=None, content=agency_file(penalty("罚1号", authority="县民政局", code=UNKNOWN_CODE)))
    expected = ERROR_AGENCY_CODE_MISMATCH.format(
        header="处罚机关统一社会信用代码", ref="O2", value=UNKNOWN_CODE, unit="鲁山县民政局", code=CODE_A
    )
    assert errors == ["第 2 行：" + expected]


def test_the_code_decides_when_the_name_is_one_not_recorded(coded_units):
    unit_a, _ = coded_units
    content = agency_file(penalty("罚1号", authority="民政局", code=CODE_A))
    decisions_import(unit=None, name="d.xlsx", content=content, publish=False)
    assert Decision.objects.get().unit == unit_a


def test_a_short_name_two_units_share_is_refused_as_ambiguous(coded_units):
    _, unit_b = coded_units
    unit_b.aliases = "县民政局"
    unit_b.save()
    errors = rejected_errors(unit=None, content=agency_file(penalty("罚1号", authority="县民政局")))
    expected = ERROR_AGENCY_AMBIGUOUS.format(
        header="处罚机关", ref="N2", value="县民政局", units="鲁山县民政局、鲁山县教育体育局"
    )
    assert errors == ["第 2 行：" + expected]


def test_unit_is_the_default_for_a_file_without_the_column_and_for_blank_cells(coded_units, tmp_path: Path):
    unit_a, _ = coded_units
    plain = tmp_path / "plain.xlsx"
    plain.write_bytes(xlsx([penalty_row("罚1号")]))
    call_command("import_enforcement", str(plain), "--unit", unit_a.code, "--draft", stdout=io.StringIO())
    decisions_import(unit=unit_a, name="d.xlsx", content=agency_file(penalty("罚2号")), publish=False)
    assert list(Decision.objects.values_list("unit", flat=True)) == [unit_a.pk, unit_a.pk]
    plain.write_bytes(xlsx([penalty_row("罚3号")]))
    with pytest.raises(CommandError, match=ERROR_NO_AGENCY_COLUMN):
        call_command("import_enforcement", str(plain))
    blank = ERROR_AGENCY_BLANK.format(header="处罚机关", ref="N2")
    assert rejected_errors(unit=None, content=agency_file(penalty("罚4号"))) == ["第 2 行：" + blank]


def test_a_row_naming_another_agency_than_unit_is_a_row_error(coded_units, tmp_path: Path):
    unit_a, unit_b = coded_units
    path = tmp_path / "d.xlsx"
    path.write_bytes(agency_file(penalty("罚1号", authority="县民政局"), penalty("罚2号", code=CODE_B)))
    with pytest.raises(CommandError) as refused:
        call_command("import_enforcement", str(path), "--unit", unit_a.code)
    expected = ERROR_AGENCY_NOT_DEFAULT.format(
        header="处罚机关统一社会信用代码", ref="O3", value=CODE_B, unit=unit_b.name, default=unit_a.name
    )
    assert str(refused.value).splitlines()[1:] == ["第 3 行：" + expected]
    assert not Decision.objects.exists()


def test_an_editor_importing_a_row_of_another_unit_in_the_admin_is_refused_with_the_cell(client, editor_a, coded_units):
    unit_a, unit_b = coded_units
    client.force_login(editor_a)
    upload = io.BytesIO(agency_file(penalty("罚1号", authority="县民政局"), licence("许1号", authority="县教体局")))
    upload.name = "d.xlsx"
    page = client.post(reverse("admin:enforcement_decision_import"), {"file": upload})
    expected = ERROR_AGENCY_NOT_WRITABLE.format(header="许可机关", ref="P3", value="县教体局", unit=unit_b.name)
    assert page.status_code == 200 and "第 3 行：" + expected in page.content.decode()
    assert not Decision.objects.exists()
    assert audit_rows() == [("editor-a", "failure", "civil-affairs、education d.xlsx：未导入（1 处错误）")]
    upload = io.BytesIO(agency_file(penalty("罚1号", authority="县民政局")))
    upload.name = "d.xlsx"
    assert client.post(reverse("admin:enforcement_decision_import"), {"file": upload}).status_code == 302
    assert Decision.objects.get().unit == unit_a


def test_a_row_without_a_decision_date_is_an_error_naming_the_cell(coded_units):
    errors = rejected_errors(unit=None, content=agency_file(penalty("罚1号", authority="县民政局", 处罚决定日期="")))
    assert errors == ["第 2 行：" + ERROR_DATE_BLANK.format(header="处罚决定日期", ref="H2")]
