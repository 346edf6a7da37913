"""QR codes as inline SVG (no image files, no script): the 2FA enrolment and printed pages' links."""

import io

import qrcode
import qrcode.image.svg


def qr_svg(text: str, *, box_size: int = 8) -> str:
    """An SVG ``<svg>`` element encoding ``text`` (error correction M, the library's default)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=box_size)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()
