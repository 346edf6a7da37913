from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from interpretation.models import Interpretation, PolicyDocument
from interpretation.selectors import public_documents, public_interpretations

FEED_SIZE = 50


class DocumentFeed(Feed):
    link = "/policies/"
    description = "新发布的政策文件"

    def title(self) -> str:
        return f"{settings.PORTAL_NAME} · 政策文件"

    def items(self) -> list[PolicyDocument]:
        return list(public_documents().order_by("-published_on", "-id")[:FEED_SIZE])

    def item_title(self, item: PolicyDocument) -> str:
        return str(item)

    def item_description(self, item: PolicyDocument) -> str:
        return f"{item.unit.name} · {item.get_kind_display()} · {item.published_on:%Y-%m-%d}"


class InterpretationFeed(Feed):
    link = "/policies/"
    description = "新发布的政策解读"

    def title(self) -> str:
        return f"{settings.PORTAL_NAME} · 政策解读"

    def items(self) -> list[Interpretation]:
        return list(public_interpretations().order_by("-published_on", "-id")[:FEED_SIZE])

    def item_title(self, item: Interpretation) -> str:
        return f"{item.title}（{item.get_form_display()}）"

    def item_description(self, item: Interpretation) -> str:
        return f"解读《{item.document.title}》 · {item.unit.name}"


class DocumentAtomFeed(DocumentFeed):
    feed_type = Atom1Feed


class InterpretationAtomFeed(InterpretationFeed):
    feed_type = Atom1Feed
