from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "workdays"
    verbose_name = _("工作日历")

    # Supervisors (the openness office) keep the State Council's holiday notice up to date.
    role_permissions = {
        "supervisor": [
            "view_calendaryear",
            "add_calendaryear",
            "change_calendaryear",
            "view_calendarday",
            "add_calendarday",
            "change_calendarday",
            "delete_calendarday",
        ],
    }

    def ready(self) -> None:
        from lushan_portal import pagecache
        from workdays.calendar import loaded_version
        from workdays.rules import register_rules

        register_rules()
        # Due dates computed from the calendar appear across the sections.
        pagecache.register(pagecache.SITE, self.get_model("CalendarYear"), self.get_model("CalendarDay"))
        # Another process may compute them from its copy for a few seconds after an edit.
        pagecache.register_key_part("calendar", loaded_version)
