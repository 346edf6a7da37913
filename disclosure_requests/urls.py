from django.urls import path

from disclosure_requests import views

app_name = "disclosure_requests"

urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/received/", views.received, name="received"),
    path("status/", views.status, name="status"),
]
