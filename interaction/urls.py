from django.urls import path

from interaction import mailbox_views

app_name = "interaction"

urlpatterns = [
    path("letters/", mailbox_views.mailbox_list, name="mailboxes"),
    path("letters/received/", mailbox_views.received, name="received"),
    path("letters/status/", mailbox_views.status, name="status"),
    path("letters/status/rate/", mailbox_views.rate, name="rate"),
    path("letters/<slug:code>/", mailbox_views.mailbox_page, name="mailbox"),
]
