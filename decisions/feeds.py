from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from decisions.models import MajorDecision
from decisions.selectors import public_consultations

FEED_SIZE = 50


class ConsultationFeed(Feed):
    link = "/consultations/"
    description = "重大行政决策草案公开征求意见"

    def title(self) -> str:
        return f"{settings.PORTAL_NAME} · 征求意见"

    def items(self) -> list[MajorDecision]:
        return list(public_consultations().order_by("-opens_on", "-id")[:FEED_SIZE])

    def item_title(self, item: MajorDecision) -> str:
        return f"关于《{item.title}》公开征求意见"

    def item_description(self, item: MajorDecision) -> str:
        return f"{item.unit.name} · 征求意见 {item.opens_on:%Y-%m-%d} 至 {item.closes_on:%Y-%m-%d}"


class ReportFeed(Feed):
    link = "/consultations/"
    description = "征求意见采纳情况"

    def title(self) -> str:
        return f"{settings.PORTAL_NAME} · 意见采纳情况"

    def items(self) -> list[MajorDecision]:
        published = public_consultations().filter(feedback_published_at__isnull=False)
        return list(published.order_by("-feedback_published_at")[:FEED_SIZE])

    def item_title(self, item: MajorDecision) -> str:
        return f"《{item.title}》征求意见采纳情况"

    def item_description(self, item: MajorDecision) -> str:
        return f"收到意见 {item.report_received} 条，采纳 {item.report_adopted} 条"


class ConsultationAtomFeed(ConsultationFeed):
    feed_type = Atom1Feed


class ReportAtomFeed(ReportFeed):
    feed_type = Atom1Feed
