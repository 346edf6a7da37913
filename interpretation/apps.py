from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Shown on the public pages: a save or delete makes those pages miss the cache.
PUBLIC_MODELS = (
    "PolicyDocument",
    "DocumentAttachment",
    "Interpretation",
    "GalleryImage",
    "ProcessStep",
    "QuestionAnswer",
)


class InterpretationConfig(AppConfig):
    name = "interpretation"
    verbose_name = _("政策文件与解读")

    _editable = [
        "policydocument",
        "secrecyreview",
        "documentattachment",
        "interpretation",
        "galleryimage",
        "processstep",
        "questionanswer",
    ]
    role_permissions = {
        "editor": [f"{action}_{model}" for model in _editable for action in ("view", "add", "change")]
        + [f"delete_{model}" for model in ("documentattachment", "galleryimage", "processstep", "questionanswer")],
        "reviewer": ["view_policydocument", "view_interpretation", "view_secrecyreview", "add_secrecyreview"],
        "supervisor": ["view_policydocument", "view_interpretation"],
    }

    def ready(self) -> None:
        from interpretation.annual import register_library
        from interpretation.deadlines import register_indicators, register_rules
        from interpretation.inspection import register as register_inspection
        from interpretation.pages import register_pages
        from interpretation.search import register_search
        from interpretation.selectors import ended_library_documents
        from lushan_portal import pagecache
        from lushan_portal.legal_documents import register_ended_documents

        register_rules()
        register_indicators()
        register_search()
        register_pages()
        register_library()
        register_inspection()
        register_ended_documents(ended_library_documents)
        pagecache.register("interpretation", *(self.get_model(name) for name in PUBLIC_MODELS))
