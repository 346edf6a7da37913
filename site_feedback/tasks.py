from celery import shared_task

from site_feedback.services import contacts_erase


@shared_task
def erase_expired_contacts() -> int:
    """Daily: reporters' contacts go CONTACT_RETENTION_DAYS after the answer or the withdrawal."""
    return contacts_erase()
