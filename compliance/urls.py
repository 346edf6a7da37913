from django.urls import path

from compliance import views

app_name = "compliance"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("trend/", views.trend, name="trend"),
    path("incomplete/", views.incomplete, name="incomplete"),
    path("incomplete/<str:code>/<slug:unit>/", views.incomplete_unit, name="incomplete_unit"),
    path("<str:code>/<slug:unit>/", views.drilldown, name="drilldown"),
]
