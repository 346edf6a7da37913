from django.urls import path

from administration import powers_views

app_name = "administration"

urlpatterns: list = [
    path("powers/", powers_views.county_powers, name="powers"),
    path("units/<slug:code>/powers/", powers_views.unit_powers, name="unit_powers"),
    path(
        "units/<slug:code>/powers/export.<str:fmt>",
        powers_views.unit_powers_export,
        name="unit_powers_export",
    ),
]
