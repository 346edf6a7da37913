"""The API of 互动交流, one module per area; lushan_portal/urls.py registers the viewsets."""

from interaction.mailbox_api import MessageViewSet

__all__ = ["MessageViewSet"]
