from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from publication_review.models import Review, ReviewItem


def latest_review(record: Model) -> Review | None:
    """The record's newest review, single or batch (one indexed query)."""
    item = (
        ReviewItem.objects.filter(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)
        .select_related("review__reviewer", "review__unit")
        .order_by("-review__reviewed_at", "-review_id")
        .first()
    )
    return item.review if item else None


def reviews_of(record: Model) -> list[Review]:
    """Every review of the record, newest first (the admin's panel)."""
    items = (
        ReviewItem.objects.filter(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)
        .select_related("review__reviewer")
        .order_by("-review__reviewed_at", "-review_id")
    )
    return [item.review for item in items]
