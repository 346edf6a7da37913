from django.urls import path

from annual_reports import views

app_name = "annual_reports"

# 年报 (ndbg): the county government's under the county-wide 政府信息公开 column, each unit's under its page.
urlpatterns = [
    path("xxgk/ndbg/", views.county_list, name="county_list"),
    path("xxgk/ndbg/<int:year>/", views.county_report, name="county_report"),
    path("xxgk/ndbg/<int:year>/tables.xlsx", views.county_tables, name="county_tables"),
    path("units/<slug:unit>/ndbg/", views.unit_list, name="unit_list"),
    path("units/<slug:unit>/ndbg/<int:year>/", views.unit_report, name="unit_report"),
    path("units/<slug:unit>/ndbg/<int:year>/tables.xlsx", views.unit_tables, name="unit_tables"),
]
