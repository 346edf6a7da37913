"""Demo data of 互动交流, one module per area (seed_demo calls ``seed``)."""

from interaction import mailbox_demo, proposals_demo


def seed(log: callable) -> None:
    mailbox_demo.seed(log)
    proposals_demo.seed(log)
