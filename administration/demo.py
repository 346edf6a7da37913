"""Demo data of the app, one module per area."""

from administration import demo_profiles_powers, results_demo


def seed(log: callable) -> None:
    demo_profiles_powers.seed(log)
    results_demo.seed(log)
