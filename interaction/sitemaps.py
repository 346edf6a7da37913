"""The mailbox pages for /sitemap.xml and the 网站地图."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from interaction.mailbox_selectors import open_mailboxes
from interaction.models import Mailbox


class MailboxPagesSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["interaction:mailboxes", "interaction:status"]

    def location(self, name: str) -> str:
        return reverse(name)


class MailboxSitemap(Sitemap):
    def items(self) -> QuerySet:
        return open_mailboxes().order_by("sort_order", "code")

    def location(self, mailbox: Mailbox) -> str:
        return mailbox.get_absolute_url()


SITEMAPS = {"mailbox-pages": MailboxPagesSitemap, "mailboxes": MailboxSitemap}
