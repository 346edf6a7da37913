"""Public service guides: /guides/ (by unit and by 生命周期 theme, 个人/法人) and /guides/<id>/ (一次告知:
everything in one place, printing on one A4 page with a QR code to the page)."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from administration.guides_selectors import public_guide_list, themes_with_counts, unit_counts
from administration.models import Audience, GuideStatus, ServiceGuide
from lushan_portal.pagecache import cached_page
from lushan_portal.qr import qr_svg
from organizations.selectors import units_grouped

SECTION = "guides"


def _audience_groups(themes: list) -> list[tuple[str, str, list]]:
    return [(value, label, [theme for theme in themes if theme.audience == value]) for value, label in Audience.choices]


@cached_page(SECTION)
def guide_list(request: HttpRequest) -> HttpResponse:
    """The index (themes by audience, units with their counts) and, for a chosen unit or theme, its
    guides. A constant number of queries whatever the number of guides."""
    themes = list(themes_with_counts())
    counts = unit_counts()
    groups = [(label, [u for u in units if u.pk in counts]) for label, units in units_grouped()]
    for _label, units in groups:
        for u in units:
            u.guide_count = counts[u.pk]
    unit_code, theme_code = request.GET.get("unit", ""), request.GET.get("theme", "")
    unit = theme = None
    if unit_code:
        unit = next((u for _label, units in groups for u in units if u.code == unit_code), None)
        if unit is None:
            raise Http404("no such unit with guides")
    if theme_code:
        theme = next((t for t in themes if t.code == theme_code), None)
        if theme is None:
            raise Http404("no such theme")
    guides = list(public_guide_list(unit_id=unit.pk if unit else None, theme=theme)) if unit or theme else []
    context = {
        "audiences": _audience_groups(themes),
        "unit_groups": [(label, units) for label, units in groups if units],
        "unit": unit,
        "theme": theme,
        "guides": guides,
    }
    return render(request, "administration/guide_list.html", context)


@cached_page(SECTION)
def guide_detail(request: HttpRequest, pk: int) -> HttpResponse:
    guide = (
        ServiceGuide.objects.filter(pk=pk, status__in=[GuideStatus.PUBLISHED, GuideStatus.WITHDRAWN])
        .select_related("unit", "power_item")
        .prefetch_related("materials", "steps", "themes")
        .first()
    )
    if guide is None:
        raise Http404("no such guide")
    page_url = request.build_absolute_uri(guide.get_absolute_url())
    context = {
        "guide": guide,
        "withdrawn": guide.status == GuideStatus.WITHDRAWN,
        "page_url": page_url,
        "qr": qr_svg(page_url, box_size=4) if guide.status == GuideStatus.PUBLISHED else "",
        "platform_url": settings.SERVICE_PLATFORM_URL,
        "platform_name": settings.SERVICE_PLATFORM_NAME,
    }
    return render(request, "administration/guide_detail.html", context)
