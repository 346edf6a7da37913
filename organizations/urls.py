from django.urls import path

from organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.unit_list, name="unit_list"),
    path("<slug:code>/", views.unit_detail, name="unit_detail"),
]
