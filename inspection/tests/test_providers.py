"""The existing apps' providers, as registered (no fakes): what they report and in how many queries."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from catalog import inspection as catalog_inspection
from catalog.models import Catalog, CatalogItem, CatalogStatus, Publication, PublicationStatus
from catalog.tests.factories import domain
from conftest import make_unit
from inspection import checks
from lushan_portal import pagecache, site_inspection
from organizations.models import UnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def township():
    return make_unit("zhangliang", "张良镇", UnitKind.TOWNSHIP)


def publish(unit, code: str, *, published_on: date, body: str = "", backfilled: bool = False) -> Publication:
    catalog = Catalog.objects.create(unit=unit, domain=domain(code), status=CatalogStatus.PUBLISHED,
                                     published_at=timezone.now() - timedelta(days=60))  # fmt: skip
    item = CatalogItem.objects.create(catalog=catalog, level1="事项", key=f"{code}-1")
    return Publication.objects.create(
        unit=unit, domain=catalog.domain, item=item, item_key=item.key, title=f"{code}公示", body=body,
        formed_on=published_on, status=PublicationStatus.PUBLISHED, published_on=published_on, backfilled=backfilled,
    )  # fmt: skip


def test_a_townships_unpublished_domains_are_blank_columns_unless_marked_not_applicable(township):
    publish(township, "social-assistance", published_on=date(2026, 10, 1))
    Catalog.objects.create(unit=township, domain=domain("tax"), status=CatalogStatus.PUBLISHED, not_applicable=True)
    columns = {c.code: c for c in catalog_inspection.columns() if c.unit_id == township.pk}
    assert columns["catalog:zhangliang:social-assistance"].latest == date(2026, 10, 1)
    assert columns["catalog:zhangliang:tax"].not_applicable
    blank = [c for c in columns.values() if c.latest is None and not c.not_applicable]
    assert len(blank) == len(columns) - 2 and blank[0].admin_url.startswith("/admin/catalog/catalog/")


def test_the_catalog_columns_are_read_in_a_fixed_number_of_queries(township, django_assert_max_num_queries):
    catalog_inspection.columns()  # the shared domains are cached per process
    with django_assert_max_num_queries(5):
        catalog_inspection.columns()
    for index in range(5):
        publish(
            make_unit(f"t{index}", f"乡镇{index}", UnitKind.TOWNSHIP),
            "social-assistance",
            published_on=date(2026, 9, 1),
        )
    with django_assert_max_num_queries(5):
        catalog_inspection.columns()


def test_a_publication_entered_after_its_date_is_faked_unless_backfilled(township, settings):
    settings.INSPECTION_BACKDATE_DAYS = 7
    today = timezone.localdate()
    old = publish(
        township, "social-assistance", published_on=today - timedelta(days=30), body="见 https://example.org/a"
    )
    publish(township, "tax", published_on=today - timedelta(days=30), backfilled=True)
    report = checks.inspect(today)
    faked = [f for f in report.findings if f.key.startswith("backdated:")]
    assert [f.url for f in faked] == [old.get_absolute_url()]
    assert faked[0].unit_id == township.pk and faked[0].admin_url.endswith(f"/{old.pk}/change/")
    records = list(site_inspection.content_sources()[0].records())
    assert ("https://example.org/a",) in [r.links for r in records]


def test_the_existing_apps_register_columns_and_no_application_form_counts_as_a_consultation_channel():
    providers = site_inspection.column_providers()
    assert {"catalog", "interpretation", "decisions", "enforcement", "xxgk"} <= set(providers)
    # 依申请公开 and 我为政府网站找错 have their own rules: neither is a channel for questions.
    assert not [c for c in site_inspection.channels() if c.code.startswith(("disclosure", "site_feedback"))]
    policy = next(c for c in providers["interpretation"]() if c.code == "interpretation:policies")
    assert policy.key and policy.latest is None


def test_a_domain_the_lead_department_compiles_is_the_leads_to_fix_until_published(unit_a, unit_b):
    led = domain("social-assistance")
    led.lead_unit = unit_b
    led.save()
    column = next(c for c in catalog_inspection.columns() if c.code == f"catalog:{unit_a.code}:social-assistance")
    assert column.unit_id == unit_b.pk and column.latest is None
    Catalog.objects.create(unit=unit_b, domain=led, status=CatalogStatus.PUBLISHED, published_at=timezone.now())
    pagecache.bump("catalog")  # the domains and their leads are kept per version of the catalog section
    codes = {c.code for c in catalog_inspection.columns()}
    assert f"catalog:{unit_a.code}:social-assistance" not in codes
