"""Upload checks: allowed types by extension and by the file's first bytes; size limit."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

ZIP = (b"PK\x03\x04",)
OLE = (b"\xd0\xcf\x11\xe0",)
# Extension → the magic numbers a genuine file of that type starts with (None: checked apart).
SIGNATURES: dict[str, tuple[bytes, ...] | None] = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF8",),
    ".webp": None,
    ".doc": OLE,
    ".xls": OLE,
    ".ppt": OLE,
    ".wps": OLE,
    ".docx": ZIP,
    ".xlsx": ZIP,
    ".pptx": ZIP,
    ".ofd": ZIP,
    ".mp4": None,
    ".webm": (b"\x1a\x45\xdf\xa3",),
}
DOCUMENT_TYPES = (
    ".pdf",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".doc",
    ".xls",
    ".ppt",
    ".wps",
    ".docx",
    ".xlsx",
    ".pptx",
    ".ofd",
)
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
VIDEO_TYPES = (".mp4", ".webm")


def _looks_like(suffix: str, head: bytes) -> bool:
    if suffix == ".mp4":
        return head[4:8] == b"ftyp"
    if suffix == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return any(head.startswith(magic) for magic in SIGNATURES[suffix])


@deconstructible
class FileTypeValidator:
    """Refuses files whose extension is not allowed, whose content does not match it, or too large."""

    def __init__(self, allowed: tuple[str, ...], description: str, max_bytes: int | None = None) -> None:
        self.allowed = tuple(allowed)
        self.description = description
        self.max_bytes = max_bytes  # None: ATTACHMENT_MAX_BYTES

    def __call__(self, upload: File) -> None:
        suffix = Path(upload.name or "").suffix.lower()
        if suffix not in self.allowed:
            raise ValidationError(
                _("不支持的文件类型“%(suffix)s”；可上传%(description)s。"),
                params={"suffix": suffix or _("无扩展名"), "description": self.description},
            )
        limit = self.max_bytes or settings.ATTACHMENT_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(_("文件不能超过 %(mb)d MB。"), params={"mb": limit // (1024 * 1024)})
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not _looks_like(suffix, head):
            raise ValidationError(_("文件内容与扩展名“%(suffix)s”不符。"), params={"suffix": suffix})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FileTypeValidator) and (other.allowed, other.max_bytes) == (
            self.allowed,
            self.max_bytes,
        )


validate_attachment = FileTypeValidator(DOCUMENT_TYPES, "PDF、图片和 Office 文件")
validate_image = FileTypeValidator(IMAGE_TYPES, "PNG、JPEG、GIF 或 WebP 图片")
validate_video = FileTypeValidator(VIDEO_TYPES, "MP4 或 WebM 视频")
