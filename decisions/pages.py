from lushan_portal.sections import Section, home_sections


def home_context() -> dict:
    from decisions.selectors import consultations_open_then_closed

    open_now, _closed = consultations_open_then_closed()
    return {"open": open_now[:5]}


def register_pages() -> None:
    home_sections.register(Section(code="decisions", template="decisions/home_section.html", context=home_context))
