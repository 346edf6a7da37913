from django.core.management.base import BaseCommand

from interaction.mailbox_setup import mailboxes_seed


class Command(BaseCommand):
    help = "Create the county head's mailbox, the consultation box and each active unit's mailbox where missing."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"{mailboxes_seed()} mailboxes created.")
