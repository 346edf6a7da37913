"""{% main_nav %} for base.html and {% filter_grid %} for the list pages' search forms."""

from django import template
from django.utils.safestring import SafeString

from lushan_portal.filter_grid import filter_grid
from lushan_portal.navigation import main_nav

register = template.Library()


@register.simple_tag(name="main_nav", takes_context=True)
def main_nav_tag(context: template.Context) -> SafeString:
    return main_nav(context.get("request"), context.get("user"))


@register.simple_tag(name="filter_grid")
def filter_grid_tag(filterset: object) -> SafeString:
    """{% filter_grid filter %}: the fields of a list page's search form (lushan_portal/filter_grid.py)."""
    return filter_grid(filterset)
