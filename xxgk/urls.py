from django.urls import path

from xxgk import views

app_name = "xxgk"

urlpatterns = [
    path("xxgk/", views.county_column, name="county"),
    path("xxgk/zhinan/", views.county_guide, name="county_guide"),
    path("units/<slug:unit>/xxgk/", views.unit_column, name="unit"),
    path("units/<slug:unit>/xxgk/zhinan/", views.unit_guide, name="unit_guide"),
]
