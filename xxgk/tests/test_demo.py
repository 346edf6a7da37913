from io import StringIO

import pytest
from django.core.management import call_command

from xxgk.models import Guide, GuideStatus

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_guides_for_the_county_and_several_units(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    published = set(Guide.objects.filter(status=GuideStatus.PUBLISHED).values_list("unit__code", flat=True))
    assert {"county-gov", "civil-affairs", "education", "market-regulation", "xiatang"} <= published
    assert Guide.objects.filter(unit__code="civil-affairs", status=GuideStatus.SUPERSEDED).exists()
    assert Guide.objects.filter(unit__code="education", status=GuideStatus.SUBMITTED).exists()
    county = client.get("/xxgk/zhinan/").content.decode()
    assert "鲁山县人民政府办公室（县政务公开办）" in county and "社会救助" in county  # scope from the demo catalogs
    township = client.get("/units/xiatang/xxgk/zhinan/").content.decode()
    assert "<dt>传真</dt><dd>待补充</dd>" in township
    before = Guide.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Guide.objects.count() == before
