from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lushan_portal.pagecache import ALL, cached_page
from lushan_portal.sections import unit_panels, unit_sections
from organizations.selectors import public_units, units_grouped


@cached_page()
def unit_list(request: HttpRequest) -> HttpResponse:
    return render(request, "organizations/unit_list.html", {"groups": units_grouped()})


@cached_page(ALL)
def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    unit = get_object_or_404(public_units(), code=code)
    context = {"unit": unit, "panels": unit_panels.render(unit), "sections": unit_sections.fragments(unit)}
    return render(request, "organizations/unit_detail.html", context)
