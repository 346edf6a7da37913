from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Shown on the public pages: a save or delete makes those pages miss the cache.
PUBLIC_MODELS = ("Domain", "Catalog", "CatalogItem", "Publication", "Attachment")


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("标准目录与信息发布")

    role_permissions = {
        "editor": [
            "view_domain",
            "view_catalog",
            "add_catalog",
            "change_catalog",
            "view_catalogitem",
            "add_catalogitem",
            "change_catalogitem",
            "delete_catalogitem",
            "view_publication",
            "add_publication",
            "change_publication",
            "view_attachment",
            "add_attachment",
            "change_attachment",
            "delete_attachment",
            "view_catalogreview",
        ],
        "reviewer": ["view_domain", "view_catalog", "view_catalogitem", "view_catalogreview", "view_publication"],
        "supervisor": ["view_domain", "view_catalog", "view_catalogitem", "view_catalogreview", "view_publication"],
    }

    def ready(self) -> None:
        from catalog.deadlines import register_incomplete_items, register_indicators, register_rules
        from catalog.disclosure import register_disclosure
        from catalog.inspection import register as register_inspection
        from catalog.pages import register_pages
        from catalog.search import register_search
        from lushan_portal import pagecache

        register_rules()
        register_indicators()
        register_incomplete_items()
        register_search()
        register_pages()
        register_disclosure()
        register_inspection()
        pagecache.register("catalog", *(self.get_model(name) for name in PUBLIC_MODELS))
