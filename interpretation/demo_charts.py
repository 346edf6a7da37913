"""The demo's 图解 images, drawn at seed time with Pillow: a bar chart, a flow chart, a video poster.

Drawn rather than shipped as binaries, so that the figures match the demo's text and can be
changed with it. Chinese labels need a CJK font: the usual system paths are tried (Debian's
fonts-noto-cjk first); without one the labels fall back to numbers and Latin text, and the
alt text, which always describes the whole image in Chinese, carries the meaning.
"""

from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 720
FLOW_HEIGHT = 480
RED, DARK, GREY, LIGHT, WHITE = "#9b1c1c", "#1f1f1f", "#5c5c5c", "#e8e2d9", "#ffffff"
# Regular and bold faces; a .ttc holds several languages, the SC face is picked by name.
FONT_PATHS = {
    False: [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/System/Library/Fonts/PingFang.ttc",
        "C:/Windows/Fonts/msyh.ttc",
    ],
    True: [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
    ],
}


@dataclass(frozen=True)
class Face:
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont
    cjk: bool


@cache
def _cjk_path(bold: bool) -> tuple[str, int] | None:
    for path in [*FONT_PATHS[bold], *FONT_PATHS[False]]:
        if not Path(path).exists():
            continue
        for index in range(10):
            try:
                name = ImageFont.truetype(path, 12, index=index).getname()[0]
            except OSError:
                break
            if "SC" in name or "Hei" in name or "PingFang" in name or "YaHei" in name:
                return path, index
        return path, 0
    return None


def face(size: int, bold: bool = False) -> Face:
    found = _cjk_path(bold)
    if found is None:
        return Face(ImageFont.load_default(size), cjk=False)
    path, index = found
    return Face(ImageFont.truetype(path, size, index=index), cjk=True)


def _text(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, fallback: str, face: Face, **kw) -> None:
    draw.text(xy, text if face.cjk else fallback, font=face.font, **kw)


def _png(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _frame(title: str, source: str, height: int = HEIGHT) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (WIDTH, height), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 12], fill=RED)
    heading = face(40, bold=True)
    _text(draw, (60, 40), title, "Lushan County", heading, fill=DARK)
    small = face(20)
    _text(draw, (60, height - 48), source, "", small, fill=GREY)
    return image, draw


def _nice_step(top: float) -> float:
    """A round gridline step giving four to eight lines up to ``top``."""
    step = 1.0
    while top / step > 8:
        for factor in (2, 2.5, 2):
            step *= factor
            if top / step <= 8:
                break
    return step


def bar_chart(title: str, unit: str, bars: list[tuple[str, float]], source: str) -> bytes:
    """Vertical bars with their values written on top, gridlines and the unit on the axis."""
    image, draw = _frame(title, source)
    label, value_face, axis = face(24), face(26, bold=True), face(20)
    left, right, top, bottom = 130, WIDTH - 60, 150, HEIGHT - 150
    highest = max(value for _label, value in bars)
    step = _nice_step(highest * 1.15)
    ceiling = step * (int(highest * 1.15 / step) + 1)
    _text(draw, (left - 90, top - 50), unit, "", axis, fill=GREY)
    tick = 0.0
    while tick <= ceiling:
        y = bottom - (bottom - top) * tick / ceiling
        draw.line([left, y, right, y], fill=LIGHT, width=2)
        draw.text((left - 16, y), f"{tick:g}", font=axis.font, fill=GREY, anchor="rm")
        tick += step
    draw.line([left, top, left, bottom], fill=DARK, width=2)
    draw.line([left, bottom, right, bottom], fill=DARK, width=2)
    slot = (right - left) / len(bars)
    width = slot * 0.55
    for n, (name, value) in enumerate(bars):
        x = left + slot * n + (slot - width) / 2
        y = bottom - (bottom - top) * value / ceiling
        draw.rectangle([x, y, x + width, bottom], fill=RED)
        draw.text((x + width / 2, y - 8), f"{value:g}", font=value_face.font, fill=DARK, anchor="md")
        lines = name.split("\n") if label.cjk else [f"#{n + 1}"]
        for row, line in enumerate(lines):
            draw.text((x + width / 2, bottom + 16 + row * 30), line, font=label.font, fill=DARK, anchor="ma")
    return _png(image)


def flow_chart(title: str, steps: list[tuple[str, str]], source: str) -> bytes:
    """Steps left to right in boxes, each with its time limit underneath, joined by arrows."""
    image, draw = _frame(title, source, height=FLOW_HEIGHT)
    name, limit = face(28, bold=True), face(22)
    gap = 40
    box = (WIDTH - 120 - gap * (len(steps) - 1)) / len(steps)
    top, height = 160, 150
    for n, (step, time_limit) in enumerate(steps):
        x = 60 + n * (box + gap)
        draw.rounded_rectangle(
            [x, top, x + box, top + height], radius=16, fill=RED if n == 0 else WHITE, outline=RED, width=4
        )
        colour = WHITE if n == 0 else DARK
        draw.text((x + box / 2, top + 24), str(n + 1), font=name.font, fill=colour, anchor="ma")
        lines = step.split("\n") if name.cjk else [f"Step {n + 1}"]
        for row, line in enumerate(lines):
            draw.text((x + box / 2, top + 70 + row * 36), line, font=name.font, fill=colour, anchor="ma")
        if limit.cjk:
            for row, line in enumerate(time_limit.split("\n")):
                draw.text((x + box / 2, top + height + 24 + row * 30), line, font=limit.font, fill=GREY, anchor="ma")
        if n < len(steps) - 1:
            ax, ay = x + box + 6, top + height / 2
            draw.line([ax, ay, ax + gap - 14, ay], fill=DARK, width=4)
            draw.polygon([(ax + gap - 10, ay), (ax + gap - 22, ay - 9), (ax + gap - 22, ay + 9)], fill=DARK)
    return _png(image)


def poster(title: str, subtitle: str) -> bytes:
    """A 16:9 title card for a video."""
    image = Image.new("RGB", (1280, 720), RED)
    draw = ImageDraw.Draw(image)
    draw.rectangle([80, 520, 1200, 526], fill=WHITE)
    big, small = face(64, bold=True), face(34)
    draw.text((640, 300), title if big.cjk else "Lushan County", font=big.font, fill=WHITE, anchor="mm")
    draw.text((640, 590), subtitle if small.cjk else "", font=small.font, fill=WHITE, anchor="mm")
    return _png(image)
