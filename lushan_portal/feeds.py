from django.urls import path

from enforcement.feeds import DecisionAtomFeed, DecisionFeed
from interpretation.feeds import DocumentAtomFeed, DocumentFeed, InterpretationAtomFeed, InterpretationFeed

app_name = "feeds"

urlpatterns = [
    path("enforcement/", DecisionAtomFeed(), name="enforcement"),
    path("enforcement/rss/", DecisionFeed(), name="enforcement-rss"),
    path("policies/", DocumentAtomFeed(), name="policies"),
    path("policies/rss/", DocumentFeed(), name="policies-rss"),
    path("interpretations/", InterpretationAtomFeed(), name="interpretations"),
    path("interpretations/rss/", InterpretationFeed(), name="interpretations-rss"),
]
