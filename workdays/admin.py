from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from workdays.models import CalendarDay, CalendarYear
from workdays.services import calendar_day_delete, calendar_day_save, calendar_year_save


@admin.register(CalendarYear)
class CalendarYearAdmin(SimpleHistoryAdmin):
    list_display = ("year", "has_data", "source", "note")
    list_filter = ("has_data", "source")

    def save_model(self, request: HttpRequest, obj: CalendarYear, form: object, change: bool) -> None:
        calendar_year_save(year=obj)

    def has_delete_permission(self, request: HttpRequest, obj: CalendarYear | None = None) -> bool:
        return False


@admin.register(CalendarDay)
class CalendarDayAdmin(SimpleHistoryAdmin):
    list_display = ("date", "kind", "name", "source")
    list_filter = ("kind", "source")
    date_hierarchy = "date"
    search_fields = ("name",)

    def save_model(self, request: HttpRequest, obj: CalendarDay, form: object, change: bool) -> None:
        calendar_day_save(day=obj)

    def delete_model(self, request: HttpRequest, obj: CalendarDay) -> None:
        calendar_day_delete(day=obj)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for day in queryset:
            calendar_day_delete(day=day)
