from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from enforcement.models import Decision
from enforcement.public import public_decisions, public_title

FEED_SIZE = 50


class DecisionFeed(Feed):
    link = "/enforcement/"
    description = _("新公开的行政许可、行政处罚和行政强制决定")

    def title(self) -> str:
        return f"{settings.PORTAL_NAME} · {_('行政执法公示')}"

    def items(self) -> list[Decision]:
        return list(public_decisions().order_by("-first_published_at", "-id")[:FEED_SIZE])

    def item_title(self, item: Decision) -> str:
        return public_title(item)

    def item_description(self, item: Decision) -> str:
        return f"{item.unit.name} · {item.decision_date:%Y-%m-%d}"

    def item_pubdate(self, item: Decision):
        return item.first_published_at

    def item_updateddate(self, item: Decision):
        return item.corrected_at or item.first_published_at


class DecisionAtomFeed(DecisionFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return str(self.description)
