"""Identity images are erased ID_IMAGE_RETENTION_DAYS (365) after the application closed: kept on the
last day, gone the day after; open applications and pending reviews keep theirs."""

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from disclosure_requests import rules, services
from disclosure_requests.models import Application, ReplyKind, Review, ReviewKind, ReviewOutcome
from disclosure_requests.retention import id_images_erase, last_day_kept
from disclosure_requests.tasks import erase_expired_id_images
from disclosure_requests.tests.dates import at, d
from disclosure_requests.tests.factories import submit_online
from lushan_portal.celery import app

pytestmark = pytest.mark.django_db
TASK = "disclosure_requests.tasks.erase_expired_id_images"


def closed_on(unit, editor, day: date) -> Application:
    application = submit_online(unit, on=day).application
    with at(day):
        services.application_close(application=application, kind=ReplyKind.DISCLOSED, replied_on=day, by=editor)
    application.refresh_from_db()
    return application


def stored(application: Application, media) -> Path:
    return Path(media) / "private" / application.id_image.name


def test_kept_on_the_last_day_erased_the_day_after_and_only_once(unit_a, editor_a, media):
    application = closed_on(unit_a, editor_a, d("2025-11-18"))
    file = stored(application, media)
    assert last_day_kept(application.closed_on) == d("2026-11-18") and rules.ID_IMAGE_RETENTION_DAYS == 365
    with at(d("2026-11-18")):
        assert id_images_erase() == 0
    assert file.exists()
    with at(d("2026-11-19")):
        assert id_images_erase() == 1
        assert id_images_erase() == 0  # idempotent
    application.refresh_from_db()
    assert not file.exists() and not application.id_image
    assert application.id_image_erased_at.date() == d("2026-11-19")
    assert application.reply.kind == ReplyKind.DISCLOSED  # the application itself is kept


def test_open_applications_and_pending_reviews_keep_their_images(unit_a, editor_a, media):
    still_open = submit_online(unit_a, on=d("2024-01-08")).application
    reviewed = closed_on(unit_a, editor_a, d("2025-01-08"))
    review = Review.objects.create(application=reviewed, kind=ReviewKind.RECONSIDERATION, filed_on=d("2025-02-10"))
    with at(d("2026-11-19")):
        assert id_images_erase() == 0
        review.outcome = ReviewOutcome.UPHELD
        review.save()
        assert id_images_erase() == 1
    still_open.refresh_from_db(), reviewed.refresh_from_db()
    assert stored(still_open, media).exists() and still_open.id_image_erased_at is None
    assert reviewed.id_image_erased_at is not None


def test_the_erasure_is_set_based(unit_a, editor_a, django_assert_max_num_queries):
    for day in ("2025-10-09", "2025-10-10", "2025-10-13", "2025-10-14"):
        closed_on(unit_a, editor_a, d(day))
    with at(d("2026-11-19")), django_assert_max_num_queries(3):  # a batch, its UPDATE, an empty batch
        assert id_images_erase() == 4


def test_beat_runs_the_task_daily_and_the_command_by_hand(unit_a, editor_a):
    assert any(entry["task"] == TASK for entry in app.conf.beat_schedule.values())
    closed_on(unit_a, editor_a, d("2025-10-09"))
    closed_on(unit_a, editor_a, d("2025-10-10"))
    with at(d("2026-10-10")):  # the first one's day after its last day kept
        out = StringIO()
        call_command("erase_id_images", "--dry-run", stdout=out)
        assert out.getvalue().strip() == "应删除的身份证件图片：1 份（未删除）"
        assert erase_expired_id_images.delay().get() == 1
        out = StringIO()
        call_command("erase_id_images", stdout=out)
        assert out.getvalue().strip() == "已删除身份证件图片：0 份"
    with at(d("2026-10-11")):
        call_command("erase_id_images", stdout=out)
        assert out.getvalue().strip().endswith("已删除身份证件图片：1 份")


def test_the_admin_says_the_image_was_erased_and_when(client, unit_a, editor_a, supervisor):
    application = closed_on(unit_a, editor_a, d("2025-11-18"))
    with at(d("2026-11-19")):
        id_images_erase()
    url = reverse("admin:disclosure_requests_application_change", args=[application.pk])
    for user in (editor_a, supervisor):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert "已按规定删除（2026-11-19）" in page
    client.force_login(editor_a)
    image = reverse("admin:disclosure_requests_application_id_image", args=[application.pk])
    assert client.get(image).status_code == 404
