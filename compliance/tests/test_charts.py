"""The server-drawn bar chart: its axis, its edge cases, and what a reader and a screen reader get."""

import xml.etree.ElementTree as ET

import pytest

from compliance.charts import BOTTOM as MARGIN_BOTTOM
from compliance.charts import HEIGHT, TOP, Bar, axis_scale, bar_chart

SVG = "{http://www.w3.org/2000/svg}"
PLOT_HEIGHT = HEIGHT - TOP - MARGIN_BOTTOM


@pytest.mark.parametrize(
    ("maximum", "scale"),
    [
        (0, (1, 1)),  # nothing to draw: still an axis from 0 to 1
        (1, (1, 1)),
        (4, (4, 1)),  # four steps of one
        (5, (6, 2)),  # just over: the step doubles
        (10, (10, 5)),
        (23, (30, 10)),
        (82, (100, 25)),  # 2.5 × 10 keeps about four steps
        (100, (100, 25)),
        (101, (150, 50)),
        (1999, (2000, 500)),
    ],
)
def test_axis_scale_steps_are_whole_and_cover_the_maximum(maximum, scale):
    top, step = scale
    assert axis_scale(maximum) == scale
    assert top >= maximum and top % step == 0 and top // step <= 5


def chart(bars: list[Bar], **extra: object) -> ET.Element:
    svg = bar_chart(bars, chart_id="c", title="逾期<统计>", description="说明 & 数字", **extra)
    return ET.fromstring(str(svg))  # well-formed XML, or this raises


def rects(root: ET.Element) -> list[ET.Element]:
    """The bars: the rectangles with a stroke (not the white background or the legend swatch)."""
    return [r for r in root.iter(f"{SVG}rect") if r.get("stroke") and float(r.get("y")) > TOP - 1]


def texts(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{SVG}text")]


def test_the_chart_has_an_accessible_name_and_description_escaped():
    root = chart([Bar("1月", 3)])
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c-title c-desc"
    assert root.find(f"{SVG}title").text == "逾期<统计>"
    assert root.find(f"{SVG}desc").text == "说明 & 数字"


def test_bar_heights_follow_the_scale_and_carry_their_numbers():
    root = chart([Bar("1月", 2), Bar("2月", 4), Bar("3月", 1)])
    heights = [float(r.get("height")) for r in rects(root)]
    assert heights == pytest.approx([PLOT_HEIGHT / 2, PLOT_HEIGHT, PLOT_HEIGHT / 4])
    assert {"2", "4", "1", "1月", "2月", "3月"} <= set(texts(root))
    assert all(r.get("fill") == "#1a1a1a" for r in rects(root))  # black: prints as it shows


def test_all_zero_months_sit_on_an_axis_from_0_to_1():
    root = chart([Bar(f"{m}月", 0) for m in range(1, 13)])
    assert [float(r.get("height")) for r in rects(root)] == [0.0] * 12
    assert texts(root).count("0") == 12 + 1  # each bar's label and the axis' 0
    assert "1" in texts(root)  # the axis top


def test_a_single_month_is_one_centred_bar_of_bounded_width():
    root = chart([Bar("12月", 7, group="2025年")])
    (bar,) = rects(root)
    assert float(bar.get("width")) <= 48
    x = float(bar.get("x")) + float(bar.get("width")) / 2
    label = next(t for t in root.iter(f"{SVG}text") if t.text == "12月")
    assert float(label.get("x")) == pytest.approx(x, abs=0.1)
    assert "2025年" in texts(root)


def test_unknown_months_say_so_instead_of_drawing_zero():
    root = chart([Bar("5月", None), Bar("6月", 3)])
    assert len(rects(root)) == 1
    assert "无记录" in texts(root)


def test_the_partial_month_is_hatched_and_explained_only_when_there_is_one():
    root = chart([Bar("11月", 5), Bar("12月", 6, partial=True)], partial_text="本月：截至今日")
    fills = [r.get("fill") for r in rects(root)]
    assert fills == ["#1a1a1a", "url(#c-hatch)"]
    assert "本月：截至今日" in texts(root)
    plain = chart([Bar("11月", 5)], partial_text="本月：截至今日")
    assert "本月：截至今日" not in texts(plain)
