from django.core.management.base import BaseCommand

from lushan_portal import pagecache


class Command(BaseCommand):
    help = "让缓存的公开页面全部失效（部署新版本后、或缓存中断期间发布过信息时运行）。"

    def handle(self, *args: object, **options: object) -> None:
        pagecache.bump_all()
        self.stdout.write(self.style.SUCCESS("公开页面缓存已清除，访问时将重新生成。"))
