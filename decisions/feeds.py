from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from decisions.models import MajorDecision
from decisions.selectors import public_consultations
from decisions.wording import DATE_UNKNOWN, NOT_STATED, report_title


def _day(day) -> str:
    return f"{day:%Y-%m-%d}" if day else DATE_UNKNOWN


def _count(count: int | None) -> str:
    return NOT_STATED if count is None else f"{count} 条"


FEED_SIZE = 50


class ConsultationFeed(Feed):
    link = "/consultations/"
    description = "重大行政决策草案公开征求意见"

    def title(self) -> str:
        return f"{settings.PORTAL_NAME} · 征求意见"

    def items(self) -> list[MajorDecision]:
        return list(public_consultations().order_by("-entered_at", "-id")[:FEED_SIZE])

    def item_title(self, item: MajorDecision) -> str:
        return item.heading

    def item_description(self, item: MajorDecision) -> str:
        return f"{item.unit.name} · 征求意见 {_day(item.opens_on)} 至 {_day(item.closes_on)}（{item.window_text}）"


class ReportFeed(Feed):
    link = "/consultations/"
    description = "征求意见采纳情况"

    def title(self) -> str:
        return f"{settings.PORTAL_NAME} · 意见采纳情况"

    def items(self) -> list[MajorDecision]:
        published = public_consultations().filter(feedback_published_at__isnull=False)
        return list(published.order_by("-feedback_published_at")[:FEED_SIZE])

    def item_title(self, item: MajorDecision) -> str:
        return report_title(item.kind, item.title, item.heading)

    def item_description(self, item: MajorDecision) -> str:
        return f"收到意见 {_count(item.report_received)}，采纳 {_count(item.report_adopted)}"


class ConsultationAtomFeed(ConsultationFeed):
    feed_type = Atom1Feed


class ReportAtomFeed(ReportFeed):
    feed_type = Atom1Feed
