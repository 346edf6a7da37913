"""Demo data, one module per area (seeded by manage.py seed_demo)."""

from interaction import proposals_demo


def seed(log: callable) -> None:
    proposals_demo.seed(log)
