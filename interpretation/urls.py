from django.urls import path

from interpretation import views

app_name = "interpretation"

urlpatterns = [
    path("policies/", views.document_list, name="documents"),
    path("policies/<int:pk>/", views.document_detail, name="document"),
    path("interpretations/<int:pk>/", views.interpretation_detail, name="interpretation"),
]
