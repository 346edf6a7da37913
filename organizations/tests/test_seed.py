from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from organizations.models import Unit, UnitKind
from organizations.seed import seed_units

pytestmark = pytest.mark.django_db


def test_seed_has_the_county_its_departments_townships_and_subdistricts():
    seed_units()
    kinds = {kind: Unit.objects.filter(kind=kind).count() for kind in UnitKind.values}
    assert kinds[UnitKind.COUNTY_GOVERNMENT] == 1
    assert kinds[UnitKind.SUBDISTRICT] == 4
    assert kinds[UnitKind.TOWNSHIP] == 20
    assert kinds[UnitKind.OTHER] == 1
    named = set(Unit.objects.values_list("short_name", flat=True))
    for department in [
        "县发改委",
        "县教体局",
        "县民政局",
        "县人社局",
        "县医保局",
        "县审计局",
        "县信访局",
        "县委网信办",
    ]:
        assert department in named
    assert not Unit.objects.filter(is_seed=False).exists()


def test_rerunning_the_seed_keeps_an_administrators_correction():
    seed_units()
    Unit.objects.filter(code="tuancheng").update(name="鲁山县团城乡人民政府（已核对）", is_seed=False)
    assert seed_units() == 0
    assert Unit.objects.get(code="tuancheng").name == "鲁山县团城乡人民政府（已核对）"


def test_seed_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    counts = {model._meta.label: model.objects.count() for model in apps.get_models()}
    call_command("seed_demo", stdout=StringIO())
    assert {model._meta.label: model.objects.count() for model in apps.get_models()} == counts


def test_seed_demo_refuses_outside_debug(settings):
    settings.DEBUG = False
    with pytest.raises(Exception, match="本地开发环境"):
        call_command("seed_demo")
