"""Parts many pages share (lushan_portal.pagecache.versioned): kept per process while their
sections keep their versions, so a page rendered afresh does not rebuild them, and never stale:
a change shows on the next page, with the page cache on or off."""

from datetime import date

import pytest
import time_machine
from django.test import override_settings

from catalog.models import Domain
from catalog.seed import seed_domains
from catalog.tests.factories import published_catalog, published_publication
from enforcement.tests.factories import make_decision
from lushan_portal import pagecache
from lushan_portal.tests.outage import free_port, redis_caches
from organizations.models import Role, Unit
from organizations.seed import seed_units
from organizations.services import membership_grant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


@pytest.fixture
def lead_reviewer(django_user_model, unit_a):
    """A reviewer of 县民政局, the lead department of 社会救助 (as in catalog/tests/conftest.py)."""
    seed_domains()
    user = django_user_model.objects.create_user("lead-reviewer")
    membership_grant(user=user, unit=unit_a, role=Role.REVIEWER)
    return user


@pytest.fixture(params=[3600, 0], ids=["page-cache-on", "page-cache-off"])
def page_cache(request, settings):
    settings.PAGE_CACHE_SECONDS = request.param
    return request.param


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_versioned_builds_once_per_version_and_again_after_a_bump():
    built = []

    def build():
        built.append(1)
        return len(built)

    assert pagecache.versioned("test-part", "enforcement", build=build) == 1
    assert pagecache.versioned("test-part", "enforcement", build=build) == 1
    pagecache.bump("catalog")  # another section: still the same
    assert pagecache.versioned("test-part", "enforcement", build=build) == 1
    pagecache.bump("enforcement")
    assert pagecache.versioned("test-part", "enforcement", build=build) == 2
    pagecache.bump_all()  # SITE: every part
    assert pagecache.versioned("test-part", "enforcement", build=build) == 3


def test_versioned_builds_every_time_when_the_cache_is_down():
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{free_port()}/0")):
        values = [pagecache.versioned("test-down", build=object) for _ in range(2)]
    assert values[0] is not values[1]


def test_a_renamed_or_closed_unit_leaves_every_shared_part_at_once(client, page_cache):
    seed_units()
    seed_domains()
    urls = ["/", "/enforcement/", "/search/?q=低保"]
    for url in urls:
        assert "民政局" in page(client, url), url
    unit = Unit.objects.get(code="civil-affairs")
    unit.name, unit.short_name = "鲁山县民政和社会事务局", "县民政和社会事务局"
    unit.save()
    for url in urls:  # the home page shows the short name, the forms the full one
        assert "民政和社会事务局" in page(client, url), url
    unit.is_active = False
    unit.save()
    for url in urls:
        assert "民政和社会事务局" not in page(client, url), url


def test_a_renamed_domain_shows_on_the_home_page_and_in_the_search_filter(client, page_cache):
    seed_units()
    seed_domains()
    for url in ("/", "/search/?q=低保"):
        assert "社会救助" in page(client, url)
    domain = Domain.objects.get(code="social-assistance")
    domain.name = "社会救助（改）"
    domain.save()
    for url in ("/", "/search/?q=低保"):
        assert "社会救助（改）" in page(client, url), url


def test_the_search_filter_still_narrows_by_unit_and_domain(client, unit_a, unit_b, lead_reviewer):
    item_a = published_catalog(unit_a, lead_reviewer).items.first()
    item_b = published_catalog(unit_b, lead_reviewer).items.first()
    published_publication(item_a, title="民政局低保公示", formed_on=date(2025, 10, 9))
    published_publication(item_b, title="教体局低保公示", formed_on=date(2025, 10, 9))
    both = page(client, "/search/?q=低保")
    assert "民政局低保公示" in both and "教体局低保公示" in both
    only_b = page(client, f"/search/?q=低保&unit={unit_b.code}&domain=social-assistance")
    assert "教体局低保公示" in only_b and "民政局低保公示" not in only_b
    assert f'<option value="{unit_b.code}" selected>' in only_b
    unknown = client.get("/search/?q=低保&unit=no-such-unit")
    assert unknown.status_code == 200


def test_pages_read_no_shared_part_again_while_nothing_changed(
    client, settings, unit_a, lead_reviewer, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0  # every visit renders the page
    seed_units()
    published_catalog(unit_a, lead_reviewer)
    make_decision(unit_a, publish=True)
    for url in ("/", "/enforcement/", "/search/?q=低保"):
        page(client, url)
    # Home: the newest publications, decisions, interpretations and consultations (units and domains kept).
    with django_assert_max_num_queries(4):
        page(client, "/")
    # The list of decisions: its rows (the unit choices kept).
    with django_assert_max_num_queries(1):
        page(client, "/enforcement/")
    # Search: one query per section searched in the database (the filter's domains and the
    # units, matched in memory, kept).
    with django_assert_max_num_queries(4):
        page(client, "/search/?q=低保")


def test_a_page_reads_the_versions_once_however_many_shared_parts_it_shows(client, settings, unit_a, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 0
    seed_units()
    page(client, "/")  # the versions exist
    cache = pagecache._cache()
    reads = []
    real_get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys, **kw: reads.append(keys) or real_get_many(keys, **kw))
    page(client, "/")  # the unit grid, the domain list and the newest lists of each app
    assert len(reads) == 1


def test_within_a_request_a_bump_is_seen_by_the_next_shared_part():
    built = []
    pagecache._start_request()
    try:
        assert pagecache.versioned("test-in-request", "catalog", build=lambda: built.append(1) or len(built)) == 1
        assert pagecache.versioned("test-in-request", "catalog", build=lambda: built.append(1) or len(built)) == 1
        pagecache.bump("catalog")  # a view that saves, then renders
        assert pagecache.versioned("test-in-request", "catalog", build=lambda: built.append(1) or len(built)) == 2
    finally:
        pagecache._end_request()
    pagecache.bump("catalog")  # outside a request: read afresh every time, as before
    assert pagecache.versioned("test-in-request", "catalog", build=lambda: built.append(1) or len(built)) == 3
