from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lushan_portal import pagecache

# Units and people first; the deadline scan last, over everything the other apps seeded.
FIRST = "organizations"
LAST = "compliance"


def seed_order(name: str) -> int:
    return {FIRST: 0, LAST: 2}.get(name, 1)


class Command(BaseCommand):
    help = "Load demo data (units, demo logins and each app's examples). Running it twice changes nothing."

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError("演示数据只能在本地开发环境（DEBUG）中加载。")
        configs = sorted(apps.get_app_configs(), key=lambda config: seed_order(config.name))
        with transaction.atomic():
            for config in configs:
                if find_spec(f"{config.name}.demo") is None:
                    continue
                import_module(f"{config.name}.demo").seed(self.stdout.write)
        pagecache.bump_all()  # some demo rows are written with update(), which sends no signal
        self.stdout.write(self.style.SUCCESS("演示数据已就绪。"))
