"""The site's identity under 国办发〔2017〕47号 (政府网站发展指引 and its 网页设计规范).

The footer carries the sponsoring office, the 网站标识码, the ICP and 公安机关 record numbers
(each linked to where it can be verified) and the 党政机关网站标识; every page carries the
standard's meta tags. All values come from settings read from the environment; a legal
identifier has no default, and an empty value is left out rather than shown blank.

Read from settings alone, never the database: the 500 page shows the same footer.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Shapes checked at start (lushan_portal.env.env_pattern): a malformed value stops the start.
DOMAIN_PATTERN = r"(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+"
ID_CODE_PATTERN = r"[0-9A-Za-z]{10}"
ICP_PATTERN = r"\w{1,3}ICP[备证]\d+号(-\d+)?"
PSB_PATTERN = r"\w{1,3}公网安备 ?\d{10,20}号"
CONAC_PATTERN = r"[0-9A-Za-z]{8,64}"

# Where each record number is verified.
ICP_URL = "https://beian.miit.gov.cn/"
PSB_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"
CONAC_URL = "https://bszs.conac.cn/sitename?method=show&id={id}"

# setting, environment variable, label: what `check --deploy` names when empty in production.
REQUIRED = [
    ("PORTAL_NAME", "PORTAL_NAME", _("网站名称")),
    ("SITE_SPONSOR", "SITE_SPONSOR", _("主办单位")),
    ("SITE_DOMAIN", "SITE_DOMAIN", _("网站域名")),
    ("SITE_ID_CODE", "SITE_ID_CODE", _("网站标识码")),
    ("SITE_ICP_RECORD", "SITE_ICP_RECORD", _("ICP备案号")),
    ("SITE_PSB_RECORD", "SITE_PSB_RECORD", _("公安机关备案号")),
    ("SITE_CONAC_ID", "SITE_CONAC_ID", _("党政机关网站标识")),
]


@dataclass(frozen=True)
class SiteIdentity:
    name: str
    sponsor: str
    domain: str
    id_code: str
    icp_record: str
    psb_record: str
    conac_id: str

    @property
    def icp_url(self) -> str:
        return ICP_URL if self.icp_record else ""

    @property
    def psb_url(self) -> str:
        code = re.search(r"\d{10,20}", self.psb_record)
        return PSB_URL.format(code=code.group()) if code else ""

    @property
    def conac_url(self) -> str:
        return CONAC_URL.format(id=quote(self.conac_id)) if self.conac_id else ""


def site_identity() -> SiteIdentity:
    return SiteIdentity(
        name=settings.PORTAL_NAME or "",
        sponsor=settings.SITE_SPONSOR or "",
        domain=settings.SITE_DOMAIN or "",
        id_code=settings.SITE_ID_CODE or "",
        icp_record=settings.SITE_ICP_RECORD or "",
        psb_record=settings.SITE_PSB_RECORD or "",
        conac_id=settings.SITE_CONAC_ID or "",
    )


def pub_date(value: date | datetime | None) -> str:
    """The standard's PubDate: "YYYY-MM-DD HH:MM" in county time, or the date alone when only the
    date is known (no time is made up); "" when unknown, and the tag is then left out."""
    if isinstance(value, datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    return ""
