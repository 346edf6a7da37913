"""The app's rules and indicators in the compliance registry, one module per area."""


def register_rules() -> None:
    from administration.powers_deadlines import register_rules as register_power_rules

    register_power_rules()
