from datetime import date

from django.contrib.auth import get_user_model

from interpretation.models import Interpretation, PolicyDocument, QuestionAnswer, SecrecyOutcome, SecrecyReview
from interpretation.services import document_publish, document_save, interpretation_publish, interpretation_save
from organizations.models import Unit
from publication_review.testing import reviewed


def cleared(document: PolicyDocument, *, checked_on: date = date(2025, 9, 25)) -> SecrecyReview:
    """A 保密审查 that cleared the document (recorded directly: the checker's rights are tested apart)."""
    checker, _ = get_user_model().objects.get_or_create(username="secrecy-checker")
    return SecrecyReview.objects.create(
        document=document, checked_by=checker, checked_on=checked_on, outcome=SecrecyOutcome.CLEARED
    )


def published_document(
    unit: Unit, *, published_on: date | None = date(2025, 9, 26), **fields: object
) -> PolicyDocument:
    values = {
        "title": "鲁山县最低生活保障审核确认办法",
        "number": "鲁民〔2025〕1号",
        "body": "第一条 为规范低保工作……",
        "kind": "normative",
        "signed_on": published_on,
        "disclosure": "proactive",
    }
    document = document_save(document=PolicyDocument(unit=unit, published_on=published_on, **{**values, **fields}))
    cleared(document)
    return document_publish(document=reviewed(document))


def published_interpretation(
    document: PolicyDocument, *, published_on: date | None, form: str = "text", **fields: object
) -> Interpretation:
    fields.setdefault("main_points", "主要内容")
    fields.setdefault("title", f"解读{form}")
    interpretation = interpretation_save(
        interpretation=Interpretation(document=document, form=form, published_on=published_on, **fields)
    )
    if form == "qa":
        QuestionAnswer.objects.create(interpretation=interpretation, question="问？", answer="答。")
    return interpretation_publish(interpretation=reviewed(interpretation))
