from datetime import date

from interpretation.models import Interpretation, PolicyDocument, QuestionAnswer
from interpretation.services import document_publish, document_save, interpretation_publish, interpretation_save
from organizations.models import Unit


def published_document(unit: Unit, *, published_on: date = date(2025, 9, 26), **fields: object) -> PolicyDocument:
    values = {"title": "鲁山县最低生活保障审核确认办法", "number": "鲁民〔2025〕1号", "body": "第一条 为规范低保工作……"}
    document = document_save(
        document=PolicyDocument(unit=unit, signed_on=published_on, published_on=published_on, **{**values, **fields})
    )
    return document_publish(document=document)


def published_interpretation(document: PolicyDocument, *, published_on: date, form: str = "text", **fields: object):
    fields.setdefault("main_points", "主要内容")
    interpretation = interpretation_save(
        interpretation=Interpretation(
            document=document, form=form, title=f"解读{form}", published_on=published_on, **fields
        )
    )
    if form == "qa":
        QuestionAnswer.objects.create(interpretation=interpretation, question="问？", answer="答。")
    return interpretation_publish(interpretation=interpretation)
