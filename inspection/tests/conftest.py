from datetime import date, datetime

import pytest
from django.utils import timezone

from lushan_portal import site_inspection
from lushan_portal.site_inspection import (
    ContentRecord,
    ContentSource,
    InteractionChannel,
    MessageFinding,
    links_in_text,
)


@pytest.fixture
def registry_only_fakes():
    """Empty registries for the test's fake providers; the apps' own providers are put back after."""
    saved = [dict(r) for r in site_inspection.REGISTRIES]
    for registry in site_inspection.REGISTRIES:
        registry.clear()
    yield site_inspection
    for registry, before in zip(site_inspection.REGISTRIES, saved, strict=True):
        registry.clear()
        registry.update(before)


def working_channel(
    findings: list[MessageFinding] | None = None, last_reply: date | None = None, code: str = "fake-mailbox"
) -> InteractionChannel:
    return InteractionChannel(
        code=code,
        title="县长信箱",
        url="/letters/mayor/",
        open=lambda: True,
        red_line_findings=lambda since, today: [f for f in findings or [] if f.received_on >= since],
        last_reply_on=lambda: last_reply,
    )


def content(*records: ContentRecord) -> ContentSource:
    return ContentSource(code="fake-content", title="测试内容", records=lambda: iter(records))


def record(title: str, *, published_on: date | None, created: date, text: str = "", **extra) -> ContentRecord:
    created_at = datetime(created.year, created.month, created.day, 10, tzinfo=timezone.get_current_timezone())
    return ContentRecord(
        title=title,
        url=f"/t/{title}/",
        unit_id=None,
        published_on=published_on,
        created_at=created_at,
        text=text,
        links=links_in_text(text),
        **extra,
    )
