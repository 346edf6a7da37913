"""For tests: record the review a publish service requires, as a reviewer of the record's unit.

    from publication_review.testing import reviewed
    publication_publish(publication=reviewed(publication))

The rule itself is never switched off; a test that wants a refusal simply does not review.
"""

from django.db.models import Model

from publication_review.demo import demo_review
from publication_review.models import Outcome
from publication_review.services import review_record


def reviewed(record: Model, *, reviewer=None, unit_field: str = "unit", **fields: str) -> Model:
    """Record a review (公开 by default) of ``record`` by ``reviewer`` or by a stand-in reviewer of
    its unit (``reviewer-<unit code>``, never the author), and return the record."""
    if reviewer is None:
        demo_review(record, unit_field=unit_field, **fields)
    else:
        fields.setdefault("outcome", Outcome.PUBLISH)
        review_record(record=record, reviewer=reviewer, unit_field=unit_field, **fields)
    return record
