"""Widgets of the public search forms, rendered in Python.

Django renders every widget, and every <option> of a select, through the template engine.
On the enforcement search (seven fields, one a select of 58 units) that was half of the
page's time on each request (issue 14). These widgets give the same markup as Django's
templates (``django/forms/widgets/input.html``, ``select.html``) with ``format_html``;
lushan_portal/tests/test_widgets.py compares them.
"""

from django import forms
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def _attributes(attrs: dict) -> str:
    """As Django's attrs.html, in the same order: ``True`` is a bare attribute, ``False`` left out."""
    return "".join(
        f" {escape(key)}" if value is True else f' {escape(key)}="{escape(value)}"'
        for key, value in attrs.items()
        if value is not False
    )


class FastInputMixin:
    def render(self, name: str, value: object, attrs: dict | None = None, renderer: object = None) -> SafeString:
        shown = self.format_value(value)
        value_attr = format_html(' value="{}"', shown) if shown is not None else ""
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            self.input_type,
            name,
            value_attr,
            mark_safe(_attributes(self.build_attrs(self.attrs, attrs))),  # escaped there
        )


class FastTextInput(FastInputMixin, forms.TextInput):
    pass


class FastDateInput(FastInputMixin, forms.DateInput):
    pass


class FastSelect(forms.Select):
    """A single select without option groups; the first option equal to the value is selected."""

    def render(self, name: str, value: object, attrs: dict | None = None, renderer: object = None) -> SafeString:
        wanted = self.format_value(value)
        options = []
        found = False
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            selected = not found and option_value in wanted
            found = found or selected
            # escape() per option, not format_html: a 58-unit select is rendered on every request.
            options.append(
                f'<option value="{escape(option_value)}"{" selected" if selected else ""}>{escape(label)}</option>'
            )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            mark_safe(_attributes(self.build_attrs(self.attrs, attrs))),  # escaped there
            mark_safe("".join(options)),  # every part escaped above
        )
