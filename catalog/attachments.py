"""Attachment checks: allowed types by extension and by the file's first bytes; size limit."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _

# Extension → the magic numbers a genuine file of that type starts with.
ZIP = (b"PK\x03\x04",)
OLE = (b"\xd0\xcf\x11\xe0",)
ALLOWED_TYPES = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF8",),
    ".doc": OLE,
    ".xls": OLE,
    ".ppt": OLE,
    ".wps": OLE,
    ".docx": ZIP,
    ".xlsx": ZIP,
    ".pptx": ZIP,
    ".ofd": ZIP,
}


def max_attachment_bytes() -> int:
    return settings.CATALOG_ATTACHMENT_MAX_BYTES


def validate_attachment(upload: File) -> None:
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in ALLOWED_TYPES:
        raise ValidationError(
            _("不支持的附件类型“%(suffix)s”；可上传 PDF、图片和 Office 文件。"), params={"suffix": suffix or "无扩展名"}
        )
    if upload.size > max_attachment_bytes():
        raise ValidationError(_("附件不能超过 %(mb)d MB。"), params={"mb": max_attachment_bytes() // (1024 * 1024)})
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in ALLOWED_TYPES[suffix]):
        raise ValidationError(_("附件内容与扩展名“%(suffix)s”不符。"), params={"suffix": suffix})
