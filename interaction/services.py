"""Writes of 互动交流, one module per area: ``mailbox_intake`` (letters from the public form) and
``mailbox_services`` (accept, refer, extend, reply, publish, rate). Re-exported here for callers."""

from interaction.mailbox_intake import message_lookup, message_submit
from interaction.mailbox_services import (
    contacts_erase,
    message_accept,
    message_extend,
    message_mark_invalid,
    message_publish,
    message_refer,
    message_withdraw_publication,
    reply_draft,
    reply_rate,
    reply_send,
)

__all__ = [
    "contacts_erase",
    "message_accept",
    "message_extend",
    "message_lookup",
    "message_mark_invalid",
    "message_publish",
    "message_refer",
    "message_submit",
    "message_withdraw_publication",
    "reply_draft",
    "reply_rate",
    "reply_send",
]
