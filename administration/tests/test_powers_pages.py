"""The public pages of the power lists: a unit's list, its changes of the last year, the diff between
two dates; the county-wide view and search; constant queries; a publish shows at once."""

import io
from csv import reader
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from administration.powers_selectors import powers_diff
from administration.tests.power_factories import ADDED, CHANGED, REMOVED, adjust, item

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2026-03-10 10:00 +0800", tick=False):
        yield


@pytest.fixture
def history(unit_a, reviewer_a):
    """2025-01-06 the list (3 items); 2025-06-02 one changed basis, one removed; 2026-02-02 one added."""
    adjust(
        unit_a,
        reviewer_a,
        date(2025, 1, 6),
        [
            (ADDED, item("XK-001", "社会团体登记")),
            (ADDED, item("XK-002", "基金会登记")),
            (ADDED, item("CF-001", "处罚", power_type="penalty")),
        ],
        reason="首次公布",
    )
    adjust(
        unit_a,
        reviewer_a,
        date(2025, 6, 2),
        [
            (CHANGED, item("XK-001", "社会团体登记", basis="《社会团体登记管理条例》（2016年修订）第九条")),
            (REMOVED, {"code": "XK-002"}),
        ],
        reason="《基金会管理条例》修订，基金会登记由市级办理",
    )
    adjust(unit_a, reviewer_a, date(2026, 2, 2), [(ADDED, item("JC-001", "社会组织年检", power_type="inspection"))])
    return unit_a


def test_the_diff_between_two_dates(history):
    diff = powers_diff(history.pk, date(2025, 3, 1), date(2026, 3, 1))
    assert [row["code"] for row in diff.added] == ["JC-001"]
    assert [row["name"] for row in diff.removed] == ["基金会登记"]
    assert [(c.after["code"], c.fields) for c in diff.changed] == [("XK-001", ["basis"])]
    assert diff.changed[0].rows == [
        ("实施依据", item("", "")["basis"], "《社会团体登记管理条例》（2016年修订）第九条"),
    ]
    # The ends are the ends of the days: a change dated 2025-06-02 is in the list of 2025-06-02.
    assert powers_diff(history.pk, date(2025, 6, 1), date(2025, 6, 2)).removed[0]["code"] == "XK-002"
    assert powers_diff(history.pk, date(2025, 6, 2), date(2026, 2, 1)).empty
    # Before the first adjustment there was no list: everything is added.
    assert len(powers_diff(history.pk, date(2024, 12, 31), date(2025, 1, 6)).added) == 3


def test_the_unit_page_shows_the_list_the_last_years_changes_and_the_diff(client, history):
    url = reverse("administration:unit_powers", args=[history.code])
    html = client.get(url).content.decode()
    current = html[html.index('id="current-heading"') : html.index('id="changes-heading"')]
    assert "社会组织年检" in current and "基金会登记" not in current and "2016年修订" in current
    changes = html[html.index('id="changes-heading"') : html.index('id="diff-heading"')]
    # The last year: 2025-06-02 and 2026-02-02, not the first publication of 2025-01-06.
    assert "2026-02-02 调整" in changes and "2025-06-02 调整" in changes and "首次公布" not in changes
    assert "《基金会管理条例》修订" in changes
    diff = client.get(url, {"from": "2025-03-01", "to": "2026-03-01"}).content.decode()
    assert "2025-03-01 与 2026-03-01 的清单相比" in diff
    assert '<li class="removed"><strong>取消</strong> XK-002 基金会登记</li>' in diff


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from": "2025-13-01", "to": "2026-01-01"}, "“起始日期”不是有效日期"),
        ({"from": "2026-01-01", "to": "2025-01-01"}, "起始日期不能晚于截止日期。"),
        ({"from": "2026-01-01"}, "须同时填写起始日期和截止日期"),
    ],
)
def test_a_bad_date_is_a_clear_message_not_an_error_page(client, history, query, message):
    response = client.get(reverse("administration:unit_powers", args=[history.code]), query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_county_view_counts_by_type_and_searches_by_name_or_basis(client, history, unit_b, django_user_model):
    html = client.get(reverse("administration:powers")).content.decode()
    assert '<a href="?type=licensing">行政许可</a></th><td>1</td>' in html
    assert '<th scope="row">行政给付</th><td>0</td>' in html
    found = results(client, {"q": "2016年修订"})
    assert "社会团体登记" in found and "处罚" not in found
    assert "社会组织年检" in results(client, {"q": "年检"})
    by_type = results(client, {"type": "penalty"})
    assert "处罚</a>" in by_type and "社会团体登记</a>" not in by_type
    assert "没有符合条件的职权" in results(client, {"q": "不存在的职权", "unit": "education"})


def results(client, query: dict) -> str:
    html = client.get(reverse("administration:powers"), query).content.decode()
    return html[html.index('id="results-heading"') : html.index('id="units-heading"')]


def test_the_export_downloads_the_current_list(client, history):
    response = client.get(reverse("administration:unit_powers_export", args=[history.code, "xlsx"]))
    assert response["Content-Disposition"] == 'attachment; filename="powers-civil-affairs.xlsx"'
    csv = client.get(reverse("administration:unit_powers_export", args=[history.code, "csv"])).content.decode()
    rows = list(reader(io.StringIO(csv)))
    assert [row[1] for row in rows] == ["职权编码", "XK-001", "CF-001", "JC-001"] and "基金会登记" not in csv
    assert client.get(f"/units/{history.code}/powers/export.pdf").status_code == 404


def test_a_publish_shows_at_once_on_the_cached_pages(client, history, reviewer_a):
    urls = [
        reverse("administration:unit_powers", args=[history.code]),
        reverse("administration:powers"),
        history.get_absolute_url(),
    ]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    adjust(history, reviewer_a, date(2026, 3, 9), [(ADDED, item("JL-001", "见义勇为奖励", power_type="reward"))])
    for url in urls:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
    assert "见义勇为奖励" in client.get(urls[0]).content.decode()


def grow(unit, reviewer, n: int, day: date) -> None:
    adjust(unit, reviewer, day, [(ADDED, item(f"GX-{day:%m%d}-{i}", f"事项{i}")) for i in range(n)])


def test_pages_are_constant_in_queries(client, history, reviewer_a, django_assert_max_num_queries, settings):
    settings.PAGE_CACHE_SECONDS = 0
    urls = [
        reverse("administration:unit_powers", args=[history.code]) + "?from=2025-01-01&to=2026-03-01",
        reverse("administration:powers") + "?q=登记",
        reverse("administration:powers"),
        history.get_absolute_url(),
    ]
    for url in urls:
        client.get(url)  # the first request builds what each process keeps (the unit grid …)
    counts = {}
    for size, day in ((2, date(2026, 3, 2)), (30, date(2026, 3, 3))):
        grow(history, reviewer_a, size, day)
        for url in urls:
            with django_assert_max_num_queries(20) as captured:
                assert client.get(url).status_code == 200
            counts.setdefault(url, []).append(len(captured.captured_queries))
    assert all(first == second for first, second in counts.values()), counts
