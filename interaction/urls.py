from django.urls import path

from interaction import mailbox_views, proposals_views

app_name = "interaction"

urlpatterns = [
    path("letters/", mailbox_views.mailbox_list, name="mailboxes"),
    path("letters/received/", mailbox_views.received, name="received"),
    path("letters/status/", mailbox_views.status, name="status"),
    path("letters/status/rate/", mailbox_views.rate, name="rate"),
    path("letters/<slug:code>/", mailbox_views.mailbox_page, name="mailbox"),
    path("proposals/", proposals_views.proposal_years_page, name="proposals"),
    path("proposals/<int:year>/", proposals_views.proposal_year_page, name="proposal_year"),
    path("proposals/<int:year>/<int:pk>/", proposals_views.proposal_detail_page, name="proposal_detail"),
    path("responses/", proposals_views.responses_page, name="responses"),
]
