from django.urls import path

from site_feedback import views

app_name = "site_feedback"

urlpatterns = [
    path("", views.report_form, name="report"),
    path("received/", views.report_received, name="received"),
]
