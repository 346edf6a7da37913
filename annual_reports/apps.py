from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

SECTION = "annual_reports"


class AnnualReportsConfig(AppConfig):
    name = "annual_reports"
    verbose_name = _("政府信息公开工作年度报告")

    # Editors write their unit's report; reviewers of the unit publish it; supervisors read.
    role_permissions = {
        "editor": [
            "view_annualreport",
            "add_annualreport",
            "change_annualreport",
            "view_figurecorrection",
            "add_figurecorrection",
            "change_figurecorrection",
            "delete_figurecorrection",
        ],
        "reviewer": ["view_annualreport", "view_figurecorrection"],
        "supervisor": ["view_annualreport", "view_figurecorrection"],
    }

    def ready(self) -> None:
        from annual_reports.deadlines import register_rules
        from annual_reports.models import AnnualReport, FigureCorrection
        from lushan_portal import pagecache

        pagecache.register(SECTION, AnnualReport, FigureCorrection)
        register_rules()
