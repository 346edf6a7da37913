"""Feeds of documents and interpretations: the original date when known, else 日期不详.

An entry's <updated> is when it was entered on this portal, and its description says so.
"""

from datetime import date, datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from interpretation.models import Interpretation, PolicyDocument, date_label
from interpretation.selectors import newest_first, public_documents, public_interpretations

FEED_SIZE = 50


def _as_datetime(value: date | None) -> datetime | None:
    return None if value is None else timezone.make_aware(datetime.combine(value, time()))


def dates_text(record: PolicyDocument | Interpretation) -> str:
    entered = f"{timezone.localtime(record.entered_at):%Y-%m-%d}" if record.entered_at else "时间不详"
    return f"发布日期：{date_label(record.published_on)} · 录入本平台：{entered}"


class DatedFeed(Feed):
    link = "/policies/"

    def item_pubdate(self, item: PolicyDocument | Interpretation) -> datetime | None:
        return _as_datetime(item.published_on)

    def item_updateddate(self, item: PolicyDocument | Interpretation) -> datetime | None:
        return item.entered_at


class DocumentFeed(DatedFeed):
    description = "新发布的政策文件"

    def title(self) -> str:
        return f"{settings.PORTAL_NAME} · 政策文件"

    def items(self) -> list[PolicyDocument]:
        return list(newest_first(public_documents())[:FEED_SIZE])

    def item_title(self, item: PolicyDocument) -> str:
        return str(item)

    def item_description(self, item: PolicyDocument) -> str:
        return f"{item.unit.name} · {item.get_kind_display()} · {dates_text(item)}"


class InterpretationFeed(DatedFeed):
    description = "新发布的政策解读"

    def title(self) -> str:
        return f"{settings.PORTAL_NAME} · 政策解读"

    def items(self) -> list[Interpretation]:
        return list(newest_first(public_interpretations())[:FEED_SIZE])

    def item_title(self, item: Interpretation) -> str:
        return f"{item.title}（{item.get_form_display()}）"

    def item_description(self, item: Interpretation) -> str:
        return f"解读《{item.document.title}》 · 解读单位：{item.unit.name} · {dates_text(item)}"


class DocumentAtomFeed(DocumentFeed):
    feed_type = Atom1Feed


class InterpretationAtomFeed(InterpretationFeed):
    feed_type = Atom1Feed
