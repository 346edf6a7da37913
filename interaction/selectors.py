"""Reads of 互动交流, one module per area (``mailbox_selectors``). Re-exported here for callers."""

from interaction.mailbox_selectors import (
    messages_for,
    monthly_statistics,
    open_mailboxes,
    published_letters,
    status_view,
)

__all__ = [
    "messages_for",
    "monthly_statistics",
    "open_mailboxes",
    "published_letters",
    "status_view",
]
