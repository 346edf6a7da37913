from datetime import date

import pytest

from catalog.models import Publication
from catalog.services import publication_publish, publication_save
from catalog.tests.conftest import october_2025, township, township_editor  # noqa: F401 - the same fixtures
from catalog.tests.factories import published_catalog
from decisions.services import feedback_publish
from decisions.tests.factories import consultation
from enforcement.services import decision_publish
from enforcement.tests.factories import make_decision
from interpretation.models import Interpretation, PolicyDocument
from interpretation.services import document_publish, document_save, interpretation_publish, interpretation_save
from interpretation.tests.factories import cleared, published_document
from organizations.models import Unit


def draft_publication(unit: Unit, reviewer, author, **fields) -> Publication:
    catalog = published_catalog(unit, reviewer)
    values = {"title": "2025年9月城乡低保资金发放情况", "body": "发放低保金。", "formed_on": date(2025, 10, 10)}
    publication = Publication(item=catalog.items.first(), **{**values, **fields})
    return publication_save(publication=publication, by=author)


@pytest.fixture
def drafts(unit_a, editor_a, reviewer_a):
    """One draft of each kind of record that goes public, written by editor_a, with its publish call."""
    values = {"title": "鲁山县临时救助实施细则", "number": "鲁民〔2025〕9号", "kind": "normative", "body": "第一条",
              "disclosure": "proactive"}  # fmt: skip
    document = document_save(document=PolicyDocument(unit=unit_a, **values), by=editor_a)
    cleared(document)  # the library's own 保密审查; the publication review is what these tests are about
    interpretation = interpretation_save(
        interpretation=Interpretation(
            document=published_document(unit_a, number="鲁民〔2025〕8号"), form="text", main_points="要点", title="解读"
        ),
        by=editor_a,
    )
    closed = consultation(unit_a, opens_on=date(2025, 9, 1), closes_on=date(2025, 9, 30))
    counts = {"received": 0, "adopted": 0, "not_adopted": 0, "main_views": "无", "reasons": ""}
    return {
        "publication": (
            draft_publication(unit_a, reviewer_a, editor_a),
            lambda record, by: publication_publish(publication=record, by=by),
        ),
        "document": (document, lambda record, by: document_publish(document=record, by=by)),
        "interpretation": (interpretation, lambda record, by: interpretation_publish(interpretation=record, by=by)),
        "feedback": (closed, lambda record, by: feedback_publish(decision=record, by=by, **counts)),
        "enforcement": (
            make_decision(unit_a, created_by=editor_a),
            lambda record, by: decision_publish(decision=record, by=by),
        ),
    }


def is_public(record) -> bool:
    record.refresh_from_db()
    if hasattr(record, "feedback_published_at"):
        return record.feedback_published_at is not None
    return record.status == "published"
