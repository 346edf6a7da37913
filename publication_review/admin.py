"""The review in the admin: a read-only panel on each record's change page, a review page, the list."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from lushan_portal.masking import scrub_text
from organizations.models import Unit
from organizations.scoping import UnitScopedAdminMixin, unit_of
from publication_review.forms import ReviewForm
from publication_review.models import Review
from publication_review.rules import second_reviewer_required
from publication_review.selectors import latest_review, reviews_of
from publication_review.services import may_review, review_record

PANEL = "publication_reviews"


class ReviewAdminMixin:
    """Adds the review panel to a record's change page and a review page <id>/review/.

    ``unit_field`` (as for PublishWithdrawMixin) names the record's unit.
    """

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> tuple:
        fields = tuple(super().get_readonly_fields(request, obj))
        return (*fields, PANEL) if obj is not None and PANEL not in fields else fields

    def get_fieldsets(self, request: HttpRequest, obj: Model | None = None) -> list:
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != PANEL]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        return [*fieldsets, (_("公开审查"), {"fields": [PANEL]})] if obj is not None else fieldsets

    @admin.display(description=_("审查记录"))
    def publication_reviews(self, obj: Model) -> str:
        """Every review of the record, newest first (read only: reviews are never changed). Free text is
        shown masked: supervisors read this panel too, and the unit's staff have the record itself."""
        reviews = reviews_of(obj)
        for review in reviews:
            review.removed_shown, review.note_shown = scrub_text(review.removed), scrub_text(review.note)
        return render_to_string("admin/publication_review/panel.html", {"reviews": reviews})

    def get_urls(self) -> list:
        name = f"{self.opts.app_label}_{self.opts.model_name}_review"
        own = [path("<path:object_id>/review/", self.admin_site.admin_view(self.review_view), name=name)]
        return own + super().get_urls()

    def _record_unit(self, obj: Model) -> int | None:
        return unit_of(obj, getattr(self, "unit_field", "unit"))

    def _reviewable(self, request: HttpRequest, object_id: str) -> Model:
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if not may_review(request.user, self._record_unit(obj)):
            raise PermissionDenied
        return obj

    def review_context(self, request: HttpRequest, obj: Model, form: ReviewForm, **extra: object) -> dict:
        unit = Unit.objects.get(pk=self._record_unit(obj))
        return {
            **self.admin_site.each_context(request),
            "form": form,
            "object": obj,
            "opts": self.opts,
            "current": latest_review(obj),
            "may_review": may_review(request.user, unit.pk),
            "second_person": second_reviewer_required(unit),
            "change_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]),
            **extra,
        }

    def review_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Record a review only (e.g. by the second person, before the editor publishes)."""
        obj = self._reviewable(request, object_id)
        form = ReviewForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                review = review_record(
                    record=obj,
                    reviewer=request.user,
                    unit_field=getattr(self, "unit_field", "unit"),
                    request=request,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                done = _("已记录审查结论：%(outcome)s。") % {"outcome": review.get_outcome_display()}
                self.message_user(request, done, messages.SUCCESS)
                return HttpResponseRedirect(self.review_context(request, obj, form)["change_url"])
        return render(request, "admin/publication_review/review.html", self.review_context(request, obj, form))


@admin.register(Review)
class ReviewAdmin(UnitScopedAdminMixin, admin.ModelAdmin):
    """Every review, scoped like the records: read only, never deleted."""

    list_display = ("reviewed_at", "unit", "subject", "content_type", "outcome", "reviewer", "record_count")
    list_filter = ("outcome", "content_type")
    list_select_related = ("unit", "reviewer", "content_type")
    search_fields = ("subject", "file_name", "note")
    date_hierarchy = "reviewed_at"

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
