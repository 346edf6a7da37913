"""What the website self-inspection reads from the domain apps (国办秘函〔2019〕19号).

Each app registers, from ``AppConfig.ready()``, providers that describe its public columns,
its message channels, its service guides and its published text. The self-inspection judges
them; the apps only report facts. A provider answers in a fixed number of queries, whatever
the number of records or units. The numbers the inspection applies (2 weeks, 6 months,
5 stale columns …) live in the self-inspection's own ``rules.py``, not here.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class ColumnKind(StrEnum):
    """What kind of column a public section is; the inspection gives each its frequency."""

    NEWS = "news"  # 动态、要闻
    NOTICE = "notice"  # 通知公告
    POLICY = "policy"  # 政策文件
    PERSONNEL = "personnel"  # 人事
    PLANNING = "planning"  # 规划计划
    STATISTICS = "statistics"  # 统计数据
    INTERACTION = "interaction"  # 留言回复
    OTHER = "other"  # updated as needed: only a blank one is a finding


@dataclass(frozen=True)
class SiteColumn:
    """One public column (栏目) as a visitor sees it.

    code: stable and unique across the site, e.g. ``"catalog:civil-affairs:D05"``.
    latest: the date of its newest item; None when it holds nothing (a blank column).
    unit_id: the owner unit; None for a county-level column (the openness office owns it).
    key: a key column for the "≥ 5 key columns not updated" veto (动态/要闻, first-level
        通知公告 and 政策文件).
    not_applicable: the owner marked the column 未涉及; it is neither stale nor blank.
    undated: items shown without a date, which the inspection counts as not updated.
    """

    code: str
    title: str
    url: str
    kind: ColumnKind
    latest: date | None
    unit_id: int | None = None
    key: bool = False
    not_applicable: bool = False
    undated: int = 0
    admin_url: str = ""


@dataclass(frozen=True)
class MessageFinding:
    """A valid message that went unanswered beyond the interaction rules' red line."""

    reference: str
    title: str
    unit_id: int | None
    received_on: date
    answered_on: date | None  # None: still unanswered
    admin_url: str = ""


@dataclass(frozen=True)
class InteractionChannel:
    """A channel where citizens ask questions or make suggestions (a mailbox, a consultation box).

    open(): the channel accepts messages today.
    red_line_findings(since, today): valid messages received on or after ``since`` that went
        unanswered beyond the red line (answered late, or still open past it on ``today``).
    last_reply_on(): the date of the newest published reply (for the "replies not updated"
        deduction); None when none was ever published.
    """

    code: str
    title: str
    url: str
    open: Callable[[], bool]
    red_line_findings: Callable[[date, date], list[MessageFinding]]
    last_reply_on: Callable[[], date | None] = lambda: None


@dataclass(frozen=True)
class GuideFinding:
    title: str
    unit_id: int | None
    missing: list[str]  # the missing key elements, in Chinese
    url: str = ""
    admin_url: str = ""


@dataclass(frozen=True)
class GuideSource:
    """Service guides (办事指南). count(): guides published; incomplete(): published or listed
    guides that lack key elements, with what is missing."""

    code: str
    title: str
    url: str
    count: Callable[[], int]
    incomplete: Callable[[], list[GuideFinding]]


@dataclass(frozen=True)
class ContentRecord:
    """One published record's text, for wrong expressions, links and dates.

    published_on: the date shown to visitors; None when the page shows no date.
    created_at: when the record was entered in the portal.
    backfilled: marked 补录 (entered later on purpose), so an early date is not faked.
    """

    title: str
    url: str
    unit_id: int | None
    published_on: date | None
    created_at: datetime
    text: str
    backfilled: bool = False
    admin_url: str = ""
    links: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ContentSource:
    """records(): an iterator over every public record, read in batches (``.iterator()``)."""

    code: str
    title: str
    records: Callable[[], Iterable[ContentRecord]]


# A web address written in plain text ends at a space, a quote, an angle bracket or Chinese punctuation.
_LINK = re.compile(r"https?://[^\s<>\"'（）()，。；、】【]+")


def links_in_text(text: str) -> tuple[str, ...]:
    """The web addresses written in a record's text (for ``ContentRecord.links``), in order, once each."""
    return tuple(dict.fromkeys(match.rstrip(".,;:!?") for match in _LINK.findall(text or "")))


_columns: dict[str, Callable[[], Iterable[SiteColumn]]] = {}
_homepage: dict[str, Callable[[], date | None]] = {}
_channels: dict[str, InteractionChannel] = {}
_channel_providers: dict[str, Callable[[], Iterable[InteractionChannel]]] = {}
_guides: dict[str, GuideSource] = {}
_content: dict[str, ContentSource] = {}


# Every registry above, for tests that set them aside and put them back.
REGISTRIES = (_columns, _homepage, _channels, _channel_providers, _guides, _content)


def register_columns(code: str, provider: Callable[[], Iterable[SiteColumn]]) -> None:
    """``provider()`` lists an app's columns (all units) in a fixed number of queries."""
    _columns[code] = provider


def register_homepage_source(code: str, latest: Callable[[], date | None]) -> None:
    """``latest()``: the date of the newest item this app puts on the home page."""
    _homepage[code] = latest


def register_channel(channel: InteractionChannel) -> None:
    _channels[channel.code] = channel


def register_channel_provider(code: str, provider: Callable[[], Iterable[InteractionChannel]]) -> None:
    """For channels that are rows (each mailbox): ``provider()`` lists them in a fixed number of
    queries when the inspection runs, so a mailbox added in the admin is judged the same day."""
    _channel_providers[code] = provider


def register_guides(source: GuideSource) -> None:
    _guides[source.code] = source


def register_content(source: ContentSource) -> None:
    _content[source.code] = source


def column_providers() -> dict[str, Callable[[], Iterable[SiteColumn]]]:
    return dict(_columns)


def homepage_sources() -> dict[str, Callable[[], date | None]]:
    return dict(_homepage)


def channels() -> list[InteractionChannel]:
    provided = [channel for provider in _channel_providers.values() for channel in provider()]
    return [*_channels.values(), *provided]


def guide_sources() -> list[GuideSource]:
    return list(_guides.values())


def content_sources() -> list[ContentSource]:
    return list(_content.values())


def unregister(code: str) -> None:
    """Tests: remove every provider registered under ``code``."""
    for registry in REGISTRIES:
        registry.pop(code, None)
