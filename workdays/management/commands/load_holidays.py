from django.core.management.base import BaseCommand

from workdays.calendar import calendar_changed
from workdays.loader import load_package_calendar, package_years
from workdays.models import CalendarDay, CalendarYear


class Command(BaseCommand):
    help = "Copy chinesecalendar's holidays into the calendar table (after upgrading the package)."

    def handle(self, *args: object, **options: object) -> None:
        added = load_package_calendar(CalendarYear, CalendarDay)
        calendar_changed()
        years = package_years()
        self.stdout.write(f"{added} days added; the package covers {years.start}-{years.stop - 1}.")
