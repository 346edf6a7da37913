"""The Celery app. Workers and beat read Django settings (CELERY_* keys)."""

import os

from celery import Celery, signals
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lushan_portal.settings")

app = Celery("lushan_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.worker_init.connect
def refuse_a_wrong_field_key(**kwargs: object) -> None:
    """A worker started with another FIELD_ENCRYPTION_KEY exits (accounts.keycheck)."""
    from django.db import connection

    from accounts.keycheck import WrongFieldKey, field_key_check

    try:
        field_key_check()
    except WrongFieldKey as error:
        raise SystemExit(f"celery worker: {error}") from None  # Celery logs and ignores other errors
    finally:
        connection.close()


@signals.worker_init.connect
def load_the_dictionary(**kwargs: object) -> None:
    """jieba's dictionary once per worker (imports segment text), not on the first task."""
    from lushan_portal.text_search import warm_up

    warm_up()


# Times are the county's clock (CELERY_TIMEZONE = Asia/Shanghai).
app.conf.beat_schedule = {
    "scan-deadlines-daily": {
        "task": "compliance.tasks.scan_deadlines",
        "schedule": crontab(hour=1, minute=30),
    },
    "snapshot-last-month": {
        "task": "compliance.tasks.snapshot_last_month",
        "schedule": crontab(day_of_month=1, hour=0, minute=30),
    },
    "ensure-obligation-dues-daily": {
        "task": "compliance.tasks.ensure_obligation_dues",
        "schedule": crontab(hour=1, minute=0),
    },
    "disable-unused-accounts-daily": {
        "task": "accounts.tasks.disable_unused_accounts",
        "schedule": crontab(hour=2, minute=0),
    },
    "erase-expired-contacts-daily": {
        "task": "decisions.tasks.erase_expired_contacts",
        "schedule": crontab(hour=3, minute=0),
    },
    "erase-expired-reporter-contacts-daily": {
        "task": "site_feedback.tasks.erase_expired_contacts",
        "schedule": crontab(hour=3, minute=10),
    },
    "erase-expired-mailbox-contacts-daily": {
        "task": "interaction.tasks.erase_expired_mailbox_contacts",
        "schedule": crontab(hour=3, minute=15),
    },
    "erase-expired-request-id-images-daily": {
        "task": "disclosure_requests.tasks.erase_expired_id_images",
        "schedule": crontab(hour=3, minute=20),
    },
    # The website self-inspection: probes, the nightly links and run (before the deadline scan at
    # 1:30, so its alerts follow the findings the same night), outbound links and digests weekly.
    "probe-home-every-5-minutes": {
        "task": "inspection.tasks.probe_home",
        "schedule": crontab(minute="*/5"),
    },
    "check-internal-links-nightly": {
        "task": "inspection.tasks.check_internal_links",
        "schedule": crontab(hour=0, minute=10),
    },
    "check-outbound-links-weekly": {
        "task": "inspection.tasks.check_outbound_links",
        "schedule": crontab(day_of_week="sunday", hour=4, minute=0),
    },
    "run-inspection-nightly": {
        "task": "inspection.tasks.run_inspection",
        "schedule": crontab(hour=1, minute=15),
    },
    "send-inspection-digests-weekly": {
        "task": "inspection.tasks.send_inspection_digests",
        "schedule": crontab(day_of_week="monday", hour=8, minute=30),
    },
    "send-alert-digests-daily": {
        "task": "compliance.tasks.send_alert_digests",
        "schedule": crontab(hour=8, minute=0),
    },
}
