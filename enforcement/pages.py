from lushan_portal.sections import Section, home_sections

HOME_DECISIONS = 5


def home_context() -> dict:
    from enforcement.public import public_decisions, public_title

    newest = public_decisions().order_by("-first_published_at", "-id")[:HOME_DECISIONS]
    return {"decisions": [(decision, public_title(decision)) for decision in newest]}


def register_pages() -> None:
    home_sections.register(Section(code="enforcement", template="enforcement/home_section.html", context=home_context))
