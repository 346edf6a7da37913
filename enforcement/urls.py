from django.urls import path

from enforcement import views

app_name = "enforcement"

urlpatterns = [
    path("", views.decision_list, name="list"),
    path("export.csv", views.decision_export, name="export"),
    path("<int:pk>/", views.decision_detail, name="detail"),
]
