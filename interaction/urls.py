from django.urls import path

from interaction import proposals_views

app_name = "interaction"

urlpatterns: list = [
    path("proposals/", proposals_views.proposal_years_page, name="proposals"),
    path("proposals/<int:year>/", proposals_views.proposal_year_page, name="proposal_year"),
    path("proposals/<int:year>/<int:pk>/", proposals_views.proposal_detail_page, name="proposal_detail"),
    path("responses/", proposals_views.responses_page, name="responses"),
]
