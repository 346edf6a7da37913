"""The Celery app. Workers and beat read Django settings (CELERY_* keys)."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lushan_portal.settings")

app = Celery("lushan_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

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
    "send-alert-digests-daily": {
        "task": "compliance.tasks.send_alert_digests",
        "schedule": crontab(hour=8, minute=0),
    },
}
