from django.core.management.base import BaseCommand

from organizations.seed import seed_units


class Command(BaseCommand):
    help = "Create the county's seed units that do not exist yet (corrections in the admin are kept)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"{seed_units()} units created.")
