"""Deadline rules and indicators of 互动交流, registered with the compliance registry (one function per area)."""

from interaction import mailbox_deadlines, mailbox_indicators


def register_rules() -> None:
    mailbox_deadlines.register_rules()
    mailbox_indicators.register_indicators()
