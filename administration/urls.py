from django.urls import path

from administration import guides_views, powers_views, tasks_views

app_name = "administration"

urlpatterns: list = [
    path("guides/", guides_views.guide_list, name="guides"),
    path("guides/<int:pk>/", guides_views.guide_detail, name="guide"),
    path("tasks/", tasks_views.tasks_index, name="tasks_index"),
    path("tasks/<int:year>/", tasks_views.tasks_year, name="tasks"),
    path("rectifications/", tasks_views.rectifications, name="rectifications"),
    path("powers/", powers_views.county_powers, name="powers"),
    path("units/<slug:code>/powers/", powers_views.unit_powers, name="unit_powers"),
    path(
        "units/<slug:code>/powers/export.<str:fmt>",
        powers_views.unit_powers_export,
        name="unit_powers_export",
    ),
]
