"""Documents of the policy library that no longer have force (已废止, 已失效), for the apps that
cite documents as a legal basis (a power list's 实施依据).

The library (``interpretation``) registers a source from its AppConfig.ready(); a reader such as
``administration`` asks ``ended_documents()`` and imports no library code. A source answers in
one query, whatever the number of documents.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

# A 文号 or title shorter than this is too unspecific to be matched inside a basis text.
MIN_MATCH_CHARS = 4


@dataclass(frozen=True)
class EndedDocument:
    key: str  # stable across sources, e.g. "interpretation:12"
    title: str
    number: str  # 文号; blank when it has none
    ended_on: date | None  # None: 日期不详 (the library does not know when)
    state: str  # 已废止 or 已失效, as the library shows it
    url: str

    @property
    def match_texts(self) -> list[str]:
        """What a basis text cites this document by: its 文号, its title."""
        return [text for text in (self.number.strip(), self.title.strip()) if len(text) >= MIN_MATCH_CHARS]


_sources: list[Callable[[], list[EndedDocument]]] = []


def register_ended_documents(source: Callable[[], list[EndedDocument]]) -> None:
    if source not in _sources:
        _sources.append(source)


def ended_documents() -> list[EndedDocument]:
    """Every registered source's ended documents, earliest end first; unknown dates last."""
    documents = [document for source in _sources for document in source()]
    return sorted(documents, key=lambda d: (d.ended_on is None, d.ended_on or date.max, d.key))
