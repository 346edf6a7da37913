"""Login lockout (django-axes): per account and address, and per address alone at a higher count.

django-axes counts failures per (username, address) (AXES_LOCKOUT_PARAMETERS) and locks when
the count reaches the limit this module returns. Normally that limit is ACCOUNT_FAILURE_LIMIT;
once the address alone has AXES_IP_FAILURE_LIMIT failures within the cool-off, the limit is 0,
so every username from that address is locked. Random wrong logins from one NAT therefore lock
only the names they tried until the address itself looks like an attack.
"""

from axes.attempts import get_cool_off_threshold
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def address_failures(request: HttpRequest) -> int:
    """Failures from the request's address, all usernames together, within the cool-off."""
    address = request.axes_ip_address  # set by django-axes before it asks for the limit
    if not address:
        return 0
    recent = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=get_cool_off_threshold(request))
    return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0


def failure_limit(request: HttpRequest, credentials: dict | None = None) -> int:
    """AXES_FAILURE_LIMIT: the (username, address) count at which django-axes locks."""
    if address_failures(request) >= settings.AXES_IP_FAILURE_LIMIT:
        return 0
    return settings.AXES_ACCOUNT_FAILURE_LIMIT
