from django.urls import path

from enforcement.feeds import DecisionAtomFeed, DecisionFeed

app_name = "feeds"

urlpatterns = [
    path("enforcement/", DecisionAtomFeed(), name="enforcement"),
    path("enforcement/rss/", DecisionFeed(), name="enforcement-rss"),
]
