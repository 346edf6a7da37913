"""The dashboard's ?period= and the trend's ?year=: unreadable is a 400 naming the parameter."""

import pytest

from compliance.periods import ERROR_PERIOD, PeriodError, parse_period
from lushan_portal.filters import MAX_YEAR, MIN_YEAR, year_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("period", ["0", "100000", "0000-Q1", "9999-H2", "2026-13", "2026-Q5", "今年"])
def test_the_dashboard_refuses_an_unreadable_period(client, supervisor, period):
    client.force_login(supervisor)
    response = client.get("/dashboard/", {"period": period})
    message = ERROR_PERIOD % {"name": "period", "min": MIN_YEAR, "max": MAX_YEAR}
    assert (response.status_code, response.content.decode()) == (400, message)
    with pytest.raises(PeriodError):
        parse_period(period)


@pytest.mark.parametrize("year", ["0", "100000", "2026-Q1"])
def test_the_trend_refuses_a_year_out_of_range(client, supervisor, year):
    client.force_login(supervisor)
    response = client.get("/dashboard/trend/", {"year": year})
    assert (response.status_code, response.content.decode()) == (400, year_error("year"))


def test_readable_periods_still_work(client, supervisor):
    client.force_login(supervisor)
    assert parse_period("2026-Q3").label == "2026年第3季度"
    assert parse_period("2026-H1").end.isoformat() == "2026-06-30"
    assert parse_period("2026-02").end.isoformat() == "2026-02-28"
    assert parse_period("").key == parse_period(None).key
    assert client.get("/dashboard/", {"period": "2026-Q1"}).status_code == 200
    assert client.get("/dashboard/trend/", {"year": "2026"}).status_code == 200
