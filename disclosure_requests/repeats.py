"""Repeated applications (Art 36(六)): the same applicant asking the same agency for substantially
the same information. Suggested to staff in the admin ("可能为重复申请"), never decided here: the
agency decides whether to answer 不予处理（重复申请）.

The applicant is found by the keyed hash of the normalised identity stored at intake
(``Application.applicant_hash``): full-width and half-width forms, case and spaces do not matter.
The descriptions are compared by their character bigrams (rules.text_similarity).
"""

import unicodedata
from dataclasses import dataclass

from disclosure_requests import rules
from disclosure_requests.models import Application


def normalise_identity(value: str) -> str:
    """NFKC folds full-width digits and letters to half-width; then case and spaces are dropped."""
    return "".join(unicodedata.normalize("NFKC", value or "").split()).upper()


def normalise_text(value: str) -> str:
    """The comparable part of a description: letters and digits (any script), folded and lower-cased."""
    folded = unicodedata.normalize("NFKC", value or "").lower()
    return "".join(ch for ch in folded if ch.isalnum())


def request_text(application: Application) -> str:
    """What was asked for: the description, the document number and other features together."""
    return normalise_text(" ".join((application.description, application.document_number, application.other_features)))


# What the suggestion shows and compares: no personal data is read (or decrypted).
CANDIDATE_FIELDS = (
    "pk", "unit_id", "reference", "received_on", "status", "closed_on", "description", "document_number",
    "other_features", "created_at",
)  # fmt: skip


@dataclass(frozen=True)
class RepeatSuggestion:
    application: Application
    similarity: float

    @property
    def percent(self) -> int:
        return round(self.similarity * 100)


def repeat_suggestions(application: Application) -> list[RepeatSuggestion]:
    """Earlier applications of the same applicant to the same agency asking much the same.

    One query: the applicant's REPEAT_CANDIDATES most recent other applications to this unit (the
    staff member reads that unit's records anyway), most similar first."""
    if not application.applicant_hash or application.pk is None:
        return []
    candidates = (
        Application.objects.filter(applicant_hash=application.applicant_hash, unit_id=application.unit_id)
        .exclude(pk=application.pk)
        .only(*CANDIDATE_FIELDS)
        .order_by("-created_at", "-pk")[: rules.REPEAT_CANDIDATES]
    )
    text = request_text(application)
    found = []
    for candidate in candidates:
        similarity = rules.text_similarity(text, request_text(candidate))
        if rules.is_probable_repeat(similarity):
            found.append(RepeatSuggestion(candidate, similarity))
    return sorted(found, key=lambda suggestion: -suggestion.similarity)
