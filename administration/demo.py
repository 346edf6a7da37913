"""Demo data of the app, one module per area."""

from administration import results_demo


def seed(log: callable) -> None:
    results_demo.seed(log)
