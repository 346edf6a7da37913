from lushan_portal.sections import Section, home_sections

HOME_CONSULTATIONS = 5


def home_context() -> dict:
    from decisions.selectors import open_consultations

    return {"open": open_consultations()[:HOME_CONSULTATIONS]}


def register_pages() -> None:
    home_sections.register(
        Section(code="decisions", template="decisions/home_section.html", context=home_context, shows=("decisions",))
    )
