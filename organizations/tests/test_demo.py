"""The demo has the shape of a county's real content: what a newcomer notices when looking around."""

import re
import struct
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from catalog.models import Attachment, Publication
from compliance.models import Alert, IndicatorSnapshot
from compliance.periods import parse_period
from compliance.registry import indicators
from decisions.models import MajorDecision
from interpretation.models import Form, GalleryImage, Interpretation
from organizations.demo import person_name

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEBUG = True  # seed_demo refuses to run otherwise
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel("2026-11-28 10:00 +0800", tick=False):
        call_command("seed_demo", stdout=StringIO())
        yield


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", content[16:24])


def dibao_list_has_thirty_households_none_with_a_full_name(client) -> None:
    publication = Publication.objects.get(title="城乡最低生活保障对象名单公示（2026年10月）")
    html = client.get(publication.get_absolute_url()).content.decode()
    table = html[html.index("<tbody>", html.index("publication-table")) : html.index("</tbody>")]
    assert table.count("<tr>") == 30
    names = [person_name(n) for n in range(30)]
    assert not [name for name in names if name in html]
    cells = re.findall(r"<tr><td>(\d+)</td><td>[^<]+</td><td>[^<]+</td><td>([^<]+)</td><td>(\d)</td>", table)
    assert [int(n) for n, _name, _size in cells] == list(range(1, 31))
    assert {name for _n, name, _size in cells} == {name[0] + "**" for name in names}
    assert "0375-5051234" in html  # the supervision hotline is not personal data


def monthly_figures_come_with_a_spreadsheet(client) -> None:
    attachment = Attachment.objects.filter(title__contains="资金支出情况").first()
    assert attachment is not None and attachment.file.name.endswith(".xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(attachment.file.path).active
    assert [cell.value for cell in sheet[2]][:2] == ["乡镇（街道）", "城市低保（户）"]
    assert sheet.max_row == 2 + 25 + 1  # title, header, 25 townships and subdistricts, total


def chart_interpretations_are_real_images_at_least_800_pixels_wide(client) -> None:
    images = GalleryImage.objects.all()
    assert images.count() >= 4
    for image in images:
        width, height = png_size(image.image.read())
        assert width >= 800 and height >= 400
        assert len(image.alt) >= 40  # the alt text states the figures, for readers who cannot see them
    chart = Interpretation.objects.get(title="图解：鲁山县最低生活保障审核确认办法")
    html = client.get(chart.get_absolute_url()).content.decode()
    assert "城市低保620元" in html and html.count("<img ") == 2


def every_form_of_interpretation_is_shown(client) -> None:
    forms = set(Interpretation.objects.values_list("form", flat=True))
    assert forms == set(Form.values)
    media = Interpretation.objects.get(title__startswith="媒体解读")
    assert media.source_url and "原文链接" in client.get(media.get_absolute_url()).content.decode()


def consultation_draft_has_chapters_articles_and_an_explanation(client) -> None:
    decision = MajorDecision.objects.get(title="鲁山县城镇老旧小区改造管理办法")
    html = client.get(reverse("decisions:consultation", args=[decision.pk])).content.decode()
    for heading in ["第一章　总则", "第六章　附则", "第一条　", "第十条　", "第二十条　"]:
        assert heading in html
    for part in ["一、起草背景", "二、起草依据", "四、主要内容", "五、与现行做法相比的主要变化"]:
        assert part in html
    assert len([p for p in decision.explanation.split("\n\n") if p.strip()]) >= 5
    assert "人民路[已隐去]" in html and person_name(132) not in html  # a comment's address and name masked


def unit_pages_say_what_is_missing_and_who_compiles_it(client) -> None:
    html = client.get(reverse("organizations:unit_detail", args=["xiatang"])).content.decode()
    assert "尚未发布" not in html
    assert "未涉及" in html and "本镇无公共资源交易平台" in html
    assert "待编制" in html and "县级牵头部门：鲁山县自然资源局" in html
    assert html.count("查看目录（第1版）") >= 4


CITIZEN_CHECKS = [
    dibao_list_has_thirty_households_none_with_a_full_name,
    monthly_figures_come_with_a_spreadsheet,
    chart_interpretations_are_real_images_at_least_800_pixels_wide,
    every_form_of_interpretation_is_shown,
    consultation_draft_has_chapters_articles_and_an_explanation,
    unit_pages_say_what_is_missing_and_who_compiles_it,
]


def test_a_citizen_finds_content_of_real_shape(client, demo):
    """One seeding (it takes seconds) for all the checks; a failure's traceback names the check."""
    for check in CITIZEN_CHECKS:
        check(client)


def test_every_dashboard_indicator_has_data_and_the_months_have_history(client, demo, django_user_model):
    with time_machine.travel("2026-11-28 10:00 +0800", tick=False):
        year = parse_period("2026")
        for indicator in indicators():
            values = indicator.compute(year.start, year.end)
            measured = [v for v in values.values() if v.met is not None]
            assert measured, f"{indicator.code} has no data for any unit"
        months = set(IndicatorSnapshot.objects.filter(period__regex=r"^\d{4}-\d{2}$").values_list("period", flat=True))
        assert {"2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"} <= months
        resolved = Alert.objects.filter(resolved_at__isnull=False).dates("raised_at", "month")
        assert len(resolved) >= 4  # late records raised and resolved alerts over several months
        overdue = Alert.objects.get(rule_code="catalog.publication_overdue", resolved_at=None)
        assert overdue.record.title == "低保初审对象名单（2026年10月）" and overdue.unit.code == "civil-affairs"
        client.force_login(django_user_model.objects.get(username="supervisor"))  # the demo's own
        html = client.get(reverse("compliance:trend") + "?year=2026").content.decode()
    section = html[html.index("执法决定按时公开率") :]
    section = section[: section.find("<h2", 1)]
    assert len(re.findall(r">\s*\d+(?:\.\d+)?%\s*<", section)) >= 6  # six months of enforcement figures


def test_the_demo_loads_at_the_start_of_a_year_too(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel("2027-01-04 09:00 +0800", tick=False):
        call_command("seed_demo", stdout=StringIO())
        assert Publication.objects.filter(status="published").count() >= 30
        assert not Publication.objects.filter(formed_on__gt="2027-01-04").exists()
