"""`manage.py check --deploy`: the site identity the national rules require (国办发〔2017〕47号).

In production (DEBUG off) each empty identity setting is a warning naming its environment
variable; the footer and the meta tags leave an empty value out rather than show a blank.
"""

from django.conf import settings
from django.core.checks import CheckMessage, Warning, register

from lushan_portal.site_identity import REQUIRED

TAG = "site_identity"


@register(TAG, deploy=True)
def site_identity_check(app_configs: object = None, **kwargs: object) -> list[CheckMessage]:
    if settings.DEBUG:
        return []
    return [
        Warning(
            f"Environment variable {variable} ({label}) is empty: the footer and the pages' meta tags leave it out.",
            hint=f"Set {variable} to the value issued for this site (see README, Site identity).",
            id=f"lushan_portal.W{index:03d}",
        )
        for index, (name, variable, label) in enumerate(REQUIRED, start=1)
        if not getattr(settings, name, "")
    ]
