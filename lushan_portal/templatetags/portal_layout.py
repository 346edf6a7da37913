"""{% main_nav %}: the main navigation of base.html (lushan_portal/navigation.py)."""

from django import template
from django.utils.safestring import SafeString

from lushan_portal.navigation import main_nav

register = template.Library()


@register.simple_tag(name="main_nav", takes_context=True)
def main_nav_tag(context: template.Context) -> SafeString:
    return main_nav(context.get("request"), context.get("user"))
