from celery import shared_task

from decisions.services import contacts_erase


@shared_task
def erase_expired_contacts() -> int:
    """Daily: commenters' names and contacts go once their retention period has passed."""
    return contacts_erase()
