"""What the app registers: the self-inspection's guide source (published guides and those lacking a
key element of rules.md §11) and columns, the guides under Art 20 (五), answering in a fixed number
of queries."""

import pytest

from administration.models import GuideMaterial, GuideStep
from administration.results_registry import INSPECTION_CODE
from administration.tests.factories import draft_guide, published_guide, published_rectification, published_task
from lushan_portal import disclosure_index, site_inspection
from lushan_portal.site_inspection import ColumnKind

pytestmark = pytest.mark.django_db


def source():
    return next(s for s in site_inspection.guide_sources() if s.code == INSPECTION_CODE)


def test_the_guide_source_counts_published_guides_and_lists_those_lacking_key_elements(
    unit_a, unit_b, django_assert_max_num_queries
):
    complete = published_guide(unit_a)
    broken = published_guide(unit_b, name="义务教育入学登记")
    draft_guide(unit_a, materials=False)  # not public: neither counted nor listed
    # Rows removed around the services (a bulk clean-up): the inspection must see it.
    GuideMaterial.objects.filter(guide=broken).delete()
    GuideStep.objects.filter(guide=broken).delete()
    with django_assert_max_num_queries(1):
        assert source().count() == 2
    with django_assert_max_num_queries(1):
        findings = source().incomplete()
    assert [(f.title, f.unit_id, f.missing) for f in findings] == [
        ("义务教育入学登记", unit_b.pk, ["办理材料", "办理流程"])
    ]
    assert findings[0].url == f"/guides/{broken.pk}/" and findings[0].admin_url.endswith(f"/{broken.pk}/change/")
    assert complete.pk != broken.pk


def test_columns_per_unit_plus_tasks_and_rectifications_in_fixed_queries(unit_a, unit_b, django_assert_max_num_queries):
    provider = site_inspection.column_providers()[INSPECTION_CODE]
    with django_assert_max_num_queries(5):
        empty = {c.code: c for c in provider()}
    assert set(empty) == {"tasks", "rectifications"} and empty["tasks"].latest is None  # blank columns
    for unit in (unit_a, unit_b):
        published_guide(unit)
    published_task(unit_a)
    published_rectification(unit_a)
    with django_assert_max_num_queries(5):
        columns = {c.code: c for c in provider()}
    assert set(columns) == {"guides:civil-affairs", "guides:education", "tasks", "rectifications"}
    assert all(c.kind == ColumnKind.OTHER and c.latest is not None for c in columns.values())
    assert columns["guides:civil-affairs"].url == "/guides/?unit=civil-affairs"
    assert columns["guides:civil-affairs"].unit_id == unit_a.pk


def test_guides_are_listed_under_article_20_5(unit_a, unit_b):
    published_guide(unit_a)
    draft_guide(unit_b)
    [line] = [c for c in disclosure_index.contributions("20-5") if c.title.startswith("办事指南")]
    assert (line.count(unit_a.pk), line.count(unit_b.pk), line.count(None)) == (1, 0, 1)
    assert line.url("civil-affairs") == "/guides/?unit=civil-affairs" and line.url(None) == "/guides/"
