"""Identity images are erased ID_IMAGE_RETENTION_DAYS after the application closed (replied or
withdrawn): the last day kept is the closing day + ID_IMAGE_RETENTION_DAYS, erased the day after.
Open applications and those with a reconsideration or lawsuit not yet decided keep theirs (the file
may be needed as evidence). The application itself is kept (RECORD_RETENTION_YEARS); only the file
goes, with ``id_image_erased_at`` recording when. Idempotent: run daily by beat and by hand.
"""

import logging
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from disclosure_requests import rules
from disclosure_requests.models import Application, Review, ReviewOutcome

logger = logging.getLogger(__name__)

BATCH = 500


def last_day_kept(closed_on: date) -> date:
    return closed_on + timedelta(days=rules.ID_IMAGE_RETENTION_DAYS)


def id_images_due(today: date) -> QuerySet:
    """Closed before ``today`` − ID_IMAGE_RETENTION_DAYS, image still there, no pending review."""
    pending_review = Review.objects.filter(application=OuterRef("pk"), outcome=ReviewOutcome.PENDING)
    return (
        Application.objects.filter(
            closed_on__lt=today - timedelta(days=rules.ID_IMAGE_RETENTION_DAYS), id_image_erased_at__isnull=True
        )
        .exclude(id_image="")
        .exclude(Exists(pending_review))
    )


def id_images_erase(today: date | None = None) -> int:
    """Delete the files, then mark the rows (one UPDATE per batch); returns how many were erased.

    Files go first: if the update fails, the next run finds the rows again and deleting a missing
    file is a no-op; the reverse order could leave a file behind a row that says it is gone."""
    today = today or timezone.localdate()
    storage = Application._meta.get_field("id_image").storage
    erased = 0
    while batch := list(id_images_due(today).order_by("pk").values_list("pk", "id_image")[:BATCH]):
        for _pk, name in batch:
            storage.delete(name)
        erased += Application.objects.filter(pk__in=[pk for pk, _name in batch]).update(
            id_image="", id_image_erased_at=timezone.now()
        )
    logger.info("disclosure_requests: erased %d identity images closed before %s", erased, today)
    return erased
