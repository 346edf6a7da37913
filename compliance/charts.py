"""Charts drawn on the server as inline SVG: no script, no chart library, nothing from a CDN.

Black on white with a hatch pattern where a bar needs telling apart, every bar labelled
with its number, so a chart reads the same on screen, printed in black and white, and
to someone who cannot tell colours apart. The page gives the same numbers as a table.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

INK = "#1a1a1a"
GRID = "#8c8c8c"
PAPER = "#ffffff"

WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 34, 46
TICKS = 4


@dataclass(frozen=True)
class Bar:
    label: str  # under the bar, e.g. "3月"
    value: int | None  # None: no figure for this bar, drawn as the word in ``missing_text``
    partial: bool = False  # hatched: the period is not over yet
    group: str = ""  # a second line under the label where a new group starts, e.g. "2026年"


def axis_scale(maximum: int, ticks: int = TICKS) -> tuple[int, int]:
    """(top, step) of a count axis from 0: the step 1, 2, 2.5 or 5 × 10ⁿ (whole), about ``ticks`` steps.

    Counts are whole numbers, so the step is at least 1; with nothing to draw the axis
    still runs from 0 to 1, so that a row of zeros sits on a readable axis.
    """
    maximum = max(int(maximum), 0)
    raw = maximum / ticks
    step = 1
    if raw > 1:
        magnitude = 10 ** math.floor(math.log10(raw))
        multiples = (1, 2, 2.5, 5, 10) if magnitude >= 10 else (1, 2, 5, 10)
        step = int(next(m * magnitude for m in multiples if m * magnitude >= raw))
    top = max(math.ceil(maximum / step), 1) * step
    return top, step


def _text(x: float, y: float, content: str, *, anchor: str = "middle", size: int = 13, weight: str = "") -> str:
    bold = ' font-weight="bold"' if weight else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{INK}"{bold}>'
        f"{escape(content)}</text>"
    )


def bar_chart(
    bars: list[Bar],
    *,
    chart_id: str,
    title: str,
    description: str,
    missing_text: str = "无记录",
    partial_text: str = "",
    unit: str = "",
) -> SafeString:
    """A vertical bar chart of counts as an ``<svg role="img">`` with its title and description.

    ``partial_text`` is the legend of the hatched bars (shown when one is); ``unit`` follows
    each bar's number (e.g. "项").
    """
    chart_id = escape(chart_id)
    top, step = axis_scale(max((b.value for b in bars if b.value is not None), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    base = TOP + plot_h
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="sans-serif">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<defs><pattern id="{chart_id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{PAPER}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{INK}" stroke-width="3"/></pattern></defs>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>',
    ]
    for tick in range(0, top + 1, step):
        y = base - plot_h * tick / top
        if tick:
            parts.append(
                f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
                f'stroke="{GRID}" stroke-width="1" stroke-dasharray="3 3"/>'
            )
        parts.append(_text(LEFT - 6, y + 4, str(tick), anchor="end", size=12))
    slot = plot_w / max(len(bars), 1)
    width = min(slot * 0.62, 48)
    for index, bar in enumerate(bars):
        centre = LEFT + slot * (index + 0.5)
        if bar.value is None:
            parts.append(_text(centre, base - 6, missing_text, size=11))
        else:
            height = plot_h * bar.value / top
            fill = f"url(#{chart_id}-hatch)" if bar.partial else INK
            parts.append(
                f'<rect x="{centre - width / 2:.1f}" y="{base - height:.1f}" width="{width:.1f}" '
                f'height="{height:.1f}" fill="{fill}" stroke="{INK}" stroke-width="1.5"/>'
            )
            parts.append(_text(centre, base - height - 5, f"{bar.value}{unit}", size=12, weight="bold"))
        parts.append(_text(centre, base + 17, bar.label, size=12))
        if bar.group:
            parts.append(_text(centre, base + 34, bar.group, size=11))
    parts.append(f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" stroke="{INK}" stroke-width="1.5"/>')
    if partial_text and any(b.partial and b.value is not None for b in bars):
        x = WIDTH - RIGHT - 200
        swatch = f'fill="url(#{chart_id}-hatch)" stroke="{INK}" stroke-width="1"'
        parts.append(f'<rect x="{x}" y="8" width="16" height="14" {swatch}/>')
        parts.append(_text(x + 22, 20, partial_text, anchor="start", size=12))
    parts.append("</svg>")
    # Safe: every text and attribute value above went through escape() or is a number.
    return mark_safe("".join(parts))
