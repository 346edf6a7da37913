from celery import shared_task

from disclosure_requests.retention import id_images_erase


@shared_task
def erase_expired_id_images() -> int:
    """Daily (beat): identity images go ID_IMAGE_RETENTION_DAYS after the application closed."""
    return id_images_erase()
