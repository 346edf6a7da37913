"""The website inspection's numbers (国办秘函〔2019〕19号, rules.md §11), in one place.

Every limit is read "within": a news column updated 14 days ago is on time, 15 days ago it is
stale. Months are calendar months (a policy column last updated on 15 April is on time until
15 October). The local settings read here are the ones counties change: the list of serious
wrong expressions, the allowed back-dating, the crawler's pace.
"""

from calendar import monthrange
from datetime import date, timedelta

from django.conf import settings

from lushan_portal.site_inspection import ColumnKind

FULL_SCORE = 100
PASS_SCORE = 60  # without a veto, a score under 60 fails

# Expected update frequency per kind of column: ("days", n) or ("months", n); None: as needed.
FREQUENCY: dict[ColumnKind, tuple[str, int] | None] = {
    ColumnKind.NEWS: ("days", 14),  # 动态/要闻: 2 weeks
    ColumnKind.NOTICE: ("months", 6),  # 通知公告
    ColumnKind.POLICY: ("months", 6),  # 政策文件
    ColumnKind.PERSONNEL: ("months", 12),  # 人事
    ColumnKind.PLANNING: ("months", 12),  # 规划计划
    ColumnKind.STATISTICS: ("months", 3),  # 统计数据 (a deduction, not a veto)
    ColumnKind.INTERACTION: ("months", 2),  # 留言回复 (a deduction, not a veto)
    ColumnKind.OTHER: None,
}

# Single-veto thresholds (单项否决).
HOMEPAGE_DAYS = 14  # 首页不更新: no new homepage item for 2 weeks
STALE_KEY_VETO = 5  # ≥ 5 key columns (动态/要闻, first-level 通知公告 and 政策文件) not updated
STALE_ANY_VETO = 10  # ≥ 10 columns that should be updated and were not
BLANK_VETO = 5  # ≥ 5 blank columns
MESSAGE_LOOKBACK_DAYS = 365  # 互动回应差: a message unanswered beyond the red line in the last year

# Availability (站点无法访问): the homepage fails to open within 15 s in ≥ 5 % of visits.
PROBE_INTERVAL_MINUTES = 5
PROBE_TIMEOUT_SECONDS = 15
PROBE_FAIL_PERCENT = 5
# The inspectors monitor one week at ≥ 20 visits a day: fewer probes in the month is not a measure.
PROBE_MIN_COUNT = 7 * 20

# Deductions (扣分), as seen in real self-checks; a county may weigh them otherwise.
DEDUCT_POLICY_STALE = 5  # a first-level 政策文件 column not updated in 6 months, each
DEDUCT_STATISTICS_STALE = 2  # statistics not updated in 3 months, each
DEDUCT_REPLIES_STALE = 3  # no reply published on any channel in 2 months (once for the site)
DEDUCT_OTHER_STALE = 1  # any other column past its frequency, each
DEDUCT_OTHER_STALE_MAX = 10
DEDUCT_BLANK = 1  # a blank column, each (5 of them are a veto)
DEDUCT_BLANK_MAX = 10
DEDUCT_HOMEPAGE_BROKEN_LINK = 5  # a broken link on the home page, once
DEDUCT_BROKEN_LINK = 1  # a broken link on another page, each
DEDUCT_BROKEN_LINK_MAX = 10
DEDUCT_UNDATED = 1  # a published page without a date, each
DEDUCT_UNDATED_MAX = 5
DEDUCT_IDENTITY = 5  # the footer lacks the 网站标识码 or the 备案号
DEDUCT_HTTPS = 2  # the home page is not served over HTTPS
DEDUCT_HSTS = 1  # HTTPS without HSTS
DEDUCT_NO_SEARCH = 2  # the home page has no site search
DEDUCT_NO_FEEDBACK_ENTRY = 2  # the home page has no 「我为政府网站找错」 entry

# The link checker: per request timeout, pages crawled at most, a clear User-Agent.
CRAWL_TIMEOUT_SECONDS = 10
CRAWL_MAX_PAGES = 20000
OUTBOUND_EVERY_DAYS = 7  # outbound links weekly; internal ones every night
USER_AGENT = "LushanPortalInspector/1.0 (website self-inspection; +{site}robots.txt)"


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def freshness_limit(kind: ColumnKind, today: date) -> date | None:
    """The earliest date a column's newest item may have to be on time today; None: as needed."""
    frequency = FREQUENCY.get(kind)
    if frequency is None:
        return None
    unit, count = frequency
    return today - timedelta(days=count) if unit == "days" else months_before(today, count)


def frequency_label(kind: ColumnKind) -> str:
    """The frequency as findings name it ("6 个月", "14 天"); empty for a column updated as needed."""
    frequency = FREQUENCY.get(kind)
    if frequency is None:
        return ""
    unit, count = frequency
    return f"{count} 天" if unit == "days" else f"{count} 个月"


def is_stale(kind: ColumnKind, latest: date | None, today: date) -> bool:
    """Not updated within its frequency. A blank column (``latest`` None) is blank, not stale."""
    limit = freshness_limit(kind, today)
    return limit is not None and latest is not None and latest < limit


def homepage_stale(latest: date | None, today: date) -> bool:
    """首页不更新: no item within 2 weeks; an item without a date counts as not updated."""
    return latest is None or latest < today - timedelta(days=HOMEPAGE_DAYS)


def probe_failed_share_vetoes(failed: int, total: int) -> bool | None:
    """The 5 % line, in integers (no float rounding at exactly 5 %); None below the sample size."""
    if total < PROBE_MIN_COUNT:
        return None
    return failed * 100 >= PROBE_FAIL_PERCENT * total


def backdate_limit_days() -> int:
    return settings.INSPECTION_BACKDATE_DAYS


def is_backdated(published_on: date | None, created_on: date, backfilled: bool) -> bool:
    """A date earlier than the record's entry by more than the allowed back-dating, unless 补录."""
    if published_on is None or backfilled:
        return False
    return (created_on - published_on).days > backdate_limit_days()


def wrong_expressions() -> list[str]:
    return list(settings.INSPECTION_WRONG_EXPRESSIONS)


def crawl_delay_seconds() -> float:
    return settings.INSPECTION_CRAWL_DELAY_MS / 1000


def site_url() -> str:
    """The site's public root with a trailing slash."""
    url = settings.INSPECTION_SITE_URL or f"https://{settings.SITE_DOMAIN}/"
    return url if url.endswith("/") else url + "/"


# Between two requests to the portal itself in the nightly crawl (the site is ours: a short pause).
INTERNAL_CRAWL_DELAY_MS = 100
