from django.urls import path

from decisions.feeds import ConsultationAtomFeed, ConsultationFeed, ReportAtomFeed, ReportFeed
from enforcement.feeds import DecisionAtomFeed, DecisionFeed
from interpretation.feeds import DocumentAtomFeed, DocumentFeed, InterpretationAtomFeed, InterpretationFeed

app_name = "feeds"

urlpatterns = [
    path("enforcement/", DecisionAtomFeed(), name="enforcement"),
    path("enforcement/rss/", DecisionFeed(), name="enforcement-rss"),
    path("consultations/", ConsultationAtomFeed(), name="consultations"),
    path("consultations/rss/", ConsultationFeed(), name="consultations-rss"),
    path("consultation-reports/", ReportAtomFeed(), name="consultation-reports"),
    path("consultation-reports/rss/", ReportFeed(), name="consultation-reports-rss"),
    path("policies/", DocumentAtomFeed(), name="policies"),
    path("policies/rss/", DocumentFeed(), name="policies-rss"),
    path("interpretations/", InterpretationAtomFeed(), name="interpretations"),
    path("interpretations/rss/", InterpretationFeed(), name="interpretations-rss"),
]
