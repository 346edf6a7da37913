"""The county's mailboxes: the county head's and the consultation box (both handled by the openness
office's unit), and one per active unit. Idempotent: existing mailboxes are left as staff set them."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from interaction.models import Mailbox, MailboxKind
from organizations.models import Unit, UnitKind

COUNTY_HEAD_CODE = "county-head"
CONSULTATION_CODE = "consultation"


@transaction.atomic
def mailboxes_seed() -> int:
    """Create the mailboxes that do not exist yet; returns how many were created."""
    office = Unit.objects.filter(code=settings.OPENNESS_OFFICE_UNIT_CODE).first()
    wanted: list[Mailbox] = []
    if office is not None:
        wanted += [
            Mailbox(
                code=COUNTY_HEAD_CODE,
                name=_("县长信箱"),
                kind=MailboxKind.COUNTY_HEAD,
                unit=office,
                sort_order=1,
                description=_("向县长反映问题、提出意见建议。县政府办公室首问负责，涉及部门职责的转交有关部门办理。"),
            ),
            Mailbox(
                code=CONSULTATION_CODE,
                name=_("咨询留言"),
                kind=MailboxKind.CONSULTATION,
                unit=office,
                sort_order=2,
                description=_("咨询政策、办事流程等问题。不知道向哪个部门咨询的，可以在这里留言，由县政府办公室转交。"),
            ),
        ]
    units = Unit.objects.filter(is_active=True).exclude(kind=UnitKind.COUNTY_GOVERNMENT).order_by("sort_order", "code")
    wanted += [
        Mailbox(code=unit.code, name=_("%(unit)s信箱") % {"unit": unit.short_name or unit.name}, kind=MailboxKind.UNIT,
                unit=unit, sort_order=10 + index)
        for index, unit in enumerate(units)
    ]  # fmt: skip
    existing = set(Mailbox.objects.values_list("code", flat=True))
    new = [mailbox for mailbox in wanted if mailbox.code not in existing]
    for mailbox in new:  # one by one: each gets its history row, and the pages' cache is bumped
        mailbox.save()
    return len(new)
