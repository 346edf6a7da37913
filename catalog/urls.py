from django.urls import path

from catalog import views

app_name = "catalog"

urlpatterns = [
    path("catalog/", views.domain_list, name="domains"),
    path("catalog/items/<int:pk>/", views.item_detail, name="item"),
    path("catalog/<slug:domain>/", views.domain_detail, name="domain"),
    path("units/<slug:unit>/<slug:domain>/", views.unit_domain, name="unit_domain"),
    path(
        "units/<slug:unit>/<slug:domain>/export.<str:fmt>",
        views.unit_domain_export,
        name="unit_domain_export",
    ),
    path("publications/<int:pk>/", views.publication_detail, name="publication"),
]
