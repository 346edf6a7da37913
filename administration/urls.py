from django.urls import path

from administration import guides_views, tasks_views

app_name = "administration"

urlpatterns: list = [
    path("guides/", guides_views.guide_list, name="guides"),
    path("guides/<int:pk>/", guides_views.guide_detail, name="guide"),
    path("tasks/", tasks_views.tasks_index, name="tasks_index"),
    path("tasks/<int:year>/", tasks_views.tasks_year, name="tasks"),
    path("rectifications/", tasks_views.rectifications, name="rectifications"),
]
