from lushan_portal.sections import Section, home_sections

HOME_DECISIONS = 5


def home_context() -> dict:
    from enforcement.public import public_title
    from enforcement.selectors import newest_decisions

    return {"decisions": [(decision, public_title(decision)) for decision in newest_decisions(HOME_DECISIONS)]}


def register_pages() -> None:
    home_sections.register(
        Section(
            code="enforcement", template="enforcement/home_section.html", context=home_context, shows=("enforcement",)
        )
    )
