from django.urls import path

from decisions.feeds import ConsultationAtomFeed, ConsultationFeed, ReportAtomFeed, ReportFeed
from enforcement.feeds import DecisionAtomFeed, DecisionFeed
from interpretation.feeds import DocumentAtomFeed, DocumentFeed, InterpretationAtomFeed, InterpretationFeed
from lushan_portal.pagecache import cached_page

app_name = "feeds"

urlpatterns = [
    path("enforcement/", cached_page("enforcement")(DecisionAtomFeed()), name="enforcement"),
    path("enforcement/rss/", cached_page("enforcement")(DecisionFeed()), name="enforcement-rss"),
    path("consultations/", cached_page("decisions")(ConsultationAtomFeed()), name="consultations"),
    path("consultations/rss/", cached_page("decisions")(ConsultationFeed()), name="consultations-rss"),
    path("consultation-reports/", cached_page("decisions")(ReportAtomFeed()), name="consultation-reports"),
    path("consultation-reports/rss/", cached_page("decisions")(ReportFeed()), name="consultation-reports-rss"),
    path("policies/", cached_page("interpretation")(DocumentAtomFeed()), name="policies"),
    path("policies/rss/", cached_page("interpretation")(DocumentFeed()), name="policies-rss"),
    path("interpretations/", cached_page("interpretation")(InterpretationAtomFeed()), name="interpretations"),
    path("interpretations/rss/", cached_page("interpretation")(InterpretationFeed()), name="interpretations-rss"),
]
