"""Unit profiles on the unit's page, above its disclosure column: versions by date, published after
review, withdrawn with a reason; the reform history with past names and successors."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from administration.models import InternalBody, Leader, ReformKind, UnitProfile, UnitReform
from administration.profiles_services import (
    ERROR_SUCCESSOR_NEEDED,
    profile_new_version,
    profile_publish,
    record_withdraw,
    reform_publish,
)
from administration.tests.power_factories import review
from conftest import make_unit
from organizations.models import Role
from organizations.services import membership_grant
from publication_review.services import ERROR_NOT_REVIEWED

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2026-03-10 10:00 +0800", tick=False):
        yield


def profile(unit, reviewer, day: date, functions: str, *, leaders: int = 1, publish: bool = True) -> UnitProfile:
    version = UnitProfile.objects.create(
        unit=unit, effective_on=day, functions=functions, office_hours="工作日 8:30-12:00", phone="0375-5056101"
    )
    InternalBody.objects.create(profile=version, name="社会救助股", duties="负责城乡低保、特困供养。", position=1)
    for n in range(leaders):
        Leader.objects.create(profile=version, name=f"王{n}明", post="局长" if n == 0 else "副局长", position=n)
    if publish:
        review(version, reviewer)
        profile_publish(profile=version)
    return version


def test_the_profile_in_effect_shows_above_the_disclosure_column(client, unit_a, reviewer_a):
    profile(unit_a, reviewer_a, date(2024, 3, 1), "旧职能")
    profile(unit_a, reviewer_a, date(2026, 1, 1), "拟订全县民政事业发展规划")
    profile(unit_a, reviewer_a, date(2026, 4, 1), "将来的职能")  # published ahead, in effect from April
    html = client.get(unit_a.get_absolute_url()).content.decode()
    assert html.index('id="unit-profile-heading"') < html.index('class="unit-xxgk"')
    assert "拟订全县民政事业发展规划" in html and "旧职能" not in html and "将来的职能" not in html
    assert "自 2026-01-01 起适用" in html and "社会救助股" in html and "王0明" in html
    assert "办公地址</dt><dd>未公布" in html  # unknown is said, not invented


def test_a_draft_is_not_public_nor_published_without_a_review(client, unit_a, editor_a):
    draft = profile(unit_a, None, date(2026, 1, 1), "草稿职能", publish=False)
    assert "草稿职能" not in client.get(unit_a.get_absolute_url()).content.decode()
    assert "尚未在本平台发布机构概况" in client.get(unit_a.get_absolute_url()).content.decode()
    with pytest.raises(ValidationError) as refused:
        profile_publish(profile=draft, by=editor_a)
    assert refused.value.messages == [ERROR_NOT_REVIEWED]


def test_only_the_units_editors_publish_or_withdraw(unit_a, unit_b, editor_b, reviewer_a):
    draft = profile(unit_a, None, date(2026, 1, 1), "职能", publish=False)
    review(draft, reviewer_a)
    with pytest.raises(PermissionDenied):
        profile_publish(profile=draft, by=editor_b)
    published = profile_publish(profile=draft)
    with pytest.raises(PermissionDenied):
        record_withdraw(record=published, reason="错误", by=editor_b)


def test_a_withdrawn_version_leaves_the_page_with_its_reason_kept_and_the_one_before_returns(
    client, unit_a, reviewer_a
):
    profile(unit_a, reviewer_a, date(2024, 3, 1), "上一版职能")
    wrong = profile(unit_a, reviewer_a, date(2026, 1, 1), "有错的职能")
    client.get(unit_a.get_absolute_url())  # cached
    with pytest.raises(ValidationError):
        record_withdraw(record=wrong, reason=" ")
    record_withdraw(record=wrong, reason="职能表述有误，待重新发布")
    html = client.get(unit_a.get_absolute_url()).content.decode()
    assert "上一版职能" in html and "有错的职能" not in html
    assert UnitProfile.objects.get(pk=wrong.pk).withdrawal_reason == "职能表述有误，待重新发布"


def test_a_new_version_copies_bodies_and_leaders_into_a_draft(unit_a, reviewer_a):
    first = profile(unit_a, reviewer_a, date(2024, 3, 1), "职能", leaders=2)
    copy = profile_new_version(profile=first)
    assert copy.status == "draft" and copy.pk != first.pk
    assert list(copy.leaders.values_list("name", flat=True)) == ["王0明", "王1明"]
    assert copy.bodies.get().name == "社会救助股"


def test_the_reform_history_keeps_past_names_and_links_the_successor(client, unit_a, reviewer_a, django_user_model):
    old = make_unit("old-civil", "鲁山县民政局（原）")
    old.is_active = False
    old.save()
    merged = UnitReform.objects.create(
        unit=old, kind=ReformKind.MERGED, former_name="鲁山县老龄工作委员会办公室", happened_on=None, successor=unit_a
    )
    renamed = UnitReform.objects.create(
        unit=unit_a,
        kind=ReformKind.RENAMED,
        former_name="鲁山县民政局（社会事务局）",
        happened_on=date(2019, 3, 1),
        successor=unit_a,
        basis="鲁山县机构改革方案",
    )
    review(renamed, reviewer_a)
    reform_publish(reform=renamed)
    # The merged unit's entry is its own record: reviewed by a member of that (now inactive) unit.
    former_staff = django_user_model.objects.create_user(username="reviewer-old")
    membership_grant(user=former_staff, unit=old, role=Role.REVIEWER)
    review(merged, former_staff)
    reform_publish(reform=merged)
    html = client.get(unit_a.get_absolute_url()).content.decode()
    history = html[html.index("机构沿革") :]
    assert "鲁山县民政局（社会事务局）更名为鲁山县民政局" in history and "依据：鲁山县机构改革方案" in history
    assert "日期不详" in history and "鲁山县老龄工作委员会办公室并入本单位" in history


def test_a_merge_without_a_successor_is_refused(unit_a, reviewer_a):
    reform = UnitReform.objects.create(unit=unit_a, kind=ReformKind.MERGED, former_name="某办公室")
    review(reform, reviewer_a)
    with pytest.raises(ValidationError) as refused:
        reform_publish(reform=reform)
    assert refused.value.messages == [ERROR_SUCCESSOR_NEEDED]


def test_publishing_a_profile_shows_at_once_on_the_cached_unit_page(client, unit_a, reviewer_a):
    url = unit_a.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    profile(unit_a, reviewer_a, date(2026, 1, 1), "新发布的职能")
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss" and "新发布的职能" in response.content.decode()


def test_the_unit_page_is_constant_in_queries(client, unit_a, reviewer_a, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(unit_a.get_absolute_url())
    counts = []
    for leaders in (1, 12):
        profile(unit_a, reviewer_a, date(2026, 1, leaders), "职能", leaders=leaders)
        with django_assert_max_num_queries(30) as captured:
            client.get(unit_a.get_absolute_url())
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
