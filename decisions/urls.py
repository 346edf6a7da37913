from django.urls import path

from decisions import views

app_name = "decisions"

urlpatterns = [
    path("consultations/", views.consultation_list, name="consultations"),
    path("consultations/<int:pk>/", views.consultation_detail, name="consultation"),
    path("decisions/<int:year>/", views.year_catalog_view, name="year"),
]
