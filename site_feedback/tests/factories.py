from site_feedback.models import ErrorReport, ReportKind
from site_feedback.services import report_submit

CONTACT = "13812345678"


def make_report(**fields: object) -> ErrorReport:
    values = {
        "page": "/catalog/",
        "kind": ReportKind.WRONG_CONTENT,
        "description": "社会救助领域页面的联系电话有误。",
        "contact": CONTACT,
        "host": "testserver",
        "client": None,
        **fields,
    }
    return report_submit(**values)
