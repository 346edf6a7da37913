from celery import shared_task

from interaction.mailbox_services import contacts_erase


@shared_task
def erase_expired_mailbox_contacts() -> int:
    """Daily: writers' names and contacts go CONTACT_RETENTION_DAYS after their message was closed."""
    return contacts_erase()
