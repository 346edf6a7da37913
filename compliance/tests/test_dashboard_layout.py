"""The matrix's columns: short labels with the full name on hover and in the legend, the score first."""

import csv
import io
import re

import pytest
from django.urls import reverse

from compliance.registry import Indicator, IndicatorValue, indicators

pytestmark = pytest.mark.django_db


def test_every_indicator_has_a_distinct_short_label_of_at_most_six_characters():
    labels = [str(i.short_title) for i in indicators()]
    assert all(len(label) <= 6 for label in labels), labels
    assert len(set(labels)) == len(labels)
    assert all(str(i.short_title) != str(i.title) for i in indicators())


def test_the_short_title_falls_back_to_the_title():
    def compute(start, end) -> dict[int, IndicatorValue]:
        return {}

    assert Indicator(code="x", title="很长的指标名称", target="0", compute=compute).short_title == "很长的指标名称"


def header_cells(html: str) -> list[str]:
    thead = re.search(r"<table class=\"matrix\">.*?<thead>(.*?)</thead>", html, re.S).group(1)
    return re.findall(r"<th scope=\"col\"[^>]*>(.*?)</th>", thead, re.S)


def test_columns_are_short_with_the_full_name_on_hover_and_in_the_legend(client, supervisor, unit_a):
    client.force_login(supervisor)
    html = client.get(reverse("compliance:dashboard"), {"period": "2025"}).content.decode()
    cells = header_cells(html)
    assert [re.sub(r"<[^>]+>", "", c) for c in cells[:2]] == ["单位", "综合得分"]  # the score next to the unit
    for indicator, cell in zip(indicators(), cells[2:], strict=False):
        assert f'<abbr title="{indicator.title}">{indicator.short_title}</abbr>' in cell
    legend = re.search(r'<section class="legend".*?<dl>(.*?)</dl>', html, re.S).group(1)
    for indicator in indicators():
        assert f"<dt>{indicator.short_title}</dt><dd>{indicator.title}" in legend
    row = re.search(r'<th scope="row" class="unit-col">鲁山县民政局</th>\s*<td class="score-col">', html)
    assert row is not None


def test_exports_keep_the_pages_column_order(client, supervisor, unit_a):
    client.force_login(supervisor)
    exported = client.get(reverse("compliance:dashboard"), {"period": "2025", "format": "csv"})
    header = next(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    titles = [str(i.title) for i in indicators()]
    assert header == ["分组", "单位", "综合得分", *titles, "未解除预警", "信息不全的记录"]
