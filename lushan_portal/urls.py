from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from administration.guides_api import GuideViewSet, RectificationViewSet, WorkTaskViewSet
from administration.powers_api import PowerAdjustmentViewSet, PowerItemViewSet, UnitProfileViewSet
from catalog.api import CatalogViewSet, DomainViewSet, ItemViewSet, PublicationViewSet
from compliance.api import AlertViewSet
from decisions.api import CommentViewSet, MajorDecisionViewSet
from disclosure_requests.api import ApplicationViewSet
from enforcement.api import DecisionViewSet
from inspection.api import FindingViewSet
from interaction.api import MessageViewSet
from interaction.proposals_api import ConcernResponseViewSet, ProposalReplyViewSet
from interpretation.api import DocumentViewSet, InterpretationViewSet
from lushan_portal import api_guide, views
from lushan_portal.pagecache import ALL, cached_page
from lushan_portal.sitemaps import SITEMAPS, robots_txt
from organizations.api import UnitViewSet
from site_feedback.api import ErrorReportViewSet

admin.site.site_header = _("%(name)s 管理") % {"name": settings.PORTAL_NAME}
admin.site.site_title = _("%(name)s 管理") % {"name": settings.PORTAL_NAME}
admin.site.index_title = _("信息发布与督查")
admin.site.site_url = "/"

router = DefaultRouter()
# /api/ is the Chinese guide (and, asked for JSON, the endpoint map), not DRF's English API root.
router.include_root_view = False
router.register("units", UnitViewSet, basename="unit")
router.register("alerts", AlertViewSet, basename="alert")
router.register("enforcement", DecisionViewSet, basename="decision")
router.register("domains", DomainViewSet, basename="domain")
router.register("catalogs", CatalogViewSet, basename="catalog")
router.register("catalog-items", ItemViewSet, basename="catalog-item")
router.register("publications", PublicationViewSet, basename="publication")
router.register("policies", DocumentViewSet, basename="policy")
router.register("major-decisions", MajorDecisionViewSet, basename="major-decision")
router.register("consultation-comments", CommentViewSet, basename="consultation-comment")
router.register("interpretations", InterpretationViewSet, basename="interpretation")
router.register("site-feedback", ErrorReportViewSet, basename="site-feedback")
router.register("disclosure-requests", ApplicationViewSet, basename="disclosure-request")
router.register("inspection-findings", FindingViewSet, basename="inspection-finding")
router.register("letters", MessageViewSet, basename="letter")
router.register("proposal-replies", ProposalReplyViewSet, basename="proposal-reply")
router.register("concern-responses", ConcernResponseViewSet, basename="concern-response")
router.register("service-guides", GuideViewSet, basename="service-guide")
router.register("work-tasks", WorkTaskViewSet, basename="work-task")
router.register("rectifications", RectificationViewSet, basename="rectification")
router.register("power-items", PowerItemViewSet, basename="power-item")
router.register("power-adjustments", PowerAdjustmentViewSet, basename="power-adjustment")
router.register("unit-profiles", UnitProfileViewSet, basename="unit-profile")

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("robots.txt", robots_txt, name="robots"),
    path("sitemap.xml", cached_page(ALL)(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("sitemap/", views.site_map, name="site_map"),
    path("feedback/", include("site_feedback.urls")),
    path("requests/", include("disclosure_requests.urls")),
    path("", include("xxgk.urls")),  # before catalog: /units/<unit>/xxgk/ is not a domain
    path("", include("annual_reports.urls")),
    path("", include("interaction.urls")),
    path("", include("administration.urls")),
    path("units/", include("organizations.urls")),
    path("", include("catalog.urls")),
    path("", include("interpretation.urls")),
    path("", include("decisions.urls")),
    path("enforcement/", include("enforcement.urls")),
    path("feeds/", include("lushan_portal.feeds")),
    path("dashboard/inspection/", include("inspection.urls")),  # before the dashboard's <code>/<unit>/
    path("dashboard/", include("compliance.urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/", cached_page(variant=api_guide.variant)(api_guide.api_root), {"router": router}, name="api-root"),
    path("api/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI's init script is fetched from /api/docs/?script, so no inline script needs allowing.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

handler400 = "lushan_portal.handlers.bad_request"
handler403 = "lushan_portal.handlers.permission_denied"
handler404 = "lushan_portal.handlers.not_found"
handler500 = "lushan_portal.handlers.server_error"

# Uploaded attachments: served by Django only in development; in production by the proxy.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
