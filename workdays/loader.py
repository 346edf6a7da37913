"""Copies chinesecalendar's holidays and make-up working days into the editable tables.

Never overwrites a row someone entered or corrected by hand; rerunning changes nothing.
Takes the model classes as arguments so that the data migration can use it too.
"""

from chinese_calendar import constants

# chinesecalendar names holidays in English; the county's staff read Chinese.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


def package_years() -> range:
    years = [day.year for day in constants.holidays]
    return range(min(years), max(years) + 1)


def load_package_calendar(calendar_year_model: type, calendar_day_model: type) -> int:
    """Insert the package's days missing from the table; return how many were added."""
    entries = [(day, "holiday", name) for day, name in constants.holidays.items()]
    entries += [(day, "workday", name) for day, name in constants.workdays.items()]
    known = set(calendar_day_model.objects.values_list("date", flat=True))
    new_days = [
        calendar_day_model(date=day, kind=kind, name=HOLIDAY_NAMES.get(str(name), str(name)), source="package")
        for day, kind, name in sorted(entries)
        if day not in known
    ]
    calendar_day_model.objects.bulk_create(new_days)
    for year in package_years():
        calendar_year_model.objects.get_or_create(
            year=year, defaults={"has_data": True, "source": "package", "note": "chinesecalendar"}
        )
    return len(new_days)
