"""Applications stored as they are after the services ran (for figures and scans): receipt,
due date, reply cell and closing date given directly, without walking the workflow."""

from datetime import date

from disclosure_requests.models import (
    ApplicantType,
    Application,
    Channel,
    Delivery,
    FormWanted,
    Reply,
    Review,
    Status,
)


def stored(
    unit,
    received: date | None,
    *,
    column: str = ApplicantType.NATURAL_PERSON,
    due: date | None = None,
    closed: date | None = None,
    kind: str = "disclosed",
    reason: str = "",
    channel: str = Channel.ONLINE,
    counter=None,
    on_the_spot: bool = False,
) -> Application:
    """``column``: natural_person or an organisation kind (the table 三 column)."""
    person = column == ApplicantType.NATURAL_PERSON
    application = Application.objects.create(
        unit=unit,
        registered_at_unit=counter,
        channel=channel,
        arrived_on=received,
        received_on=received,
        applicant_type=ApplicantType.NATURAL_PERSON if person else ApplicantType.ORGANIZATION,
        organization_kind="" if person else column,
        name="王秀兰" if person else "鲁山县某某商贸有限公司",
        description="2025年城乡低保资金发放明细",
        form_wanted=FormWanted.PAPER,
        delivery=Delivery.POST,
        due_date=due,
        closed_on=closed,
        on_the_spot=on_the_spot,
        status=Status.REPLIED if closed else Status.PROCESSING,
    )
    if closed:
        Reply.objects.create(application=application, kind=kind, reason=reason, replied_on=closed)
    return application


def review(application: Application, kind: str, filed: date | None, outcome: str, decided: date | None = None):
    return Review.objects.create(
        application=application, kind=kind, filed_on=filed, outcome=outcome, decided_on=decided
    )
