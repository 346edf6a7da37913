"""Small factories for 建议提案 and 回应关切 tests: records go through the services."""

from datetime import date, datetime
from itertools import count

from interaction.models import Concern, Proposal, ProposalKind, Response, ResponseKind, Severity
from interaction.proposals_services import proposal_save
from interaction.responses_services import concern_save, response_save
from organizations.models import Unit

_numbers = count(1)


def make_proposal(unit: Unit, *, assigned_on: date | None = date(2026, 3, 31), co_units=(), **fields) -> Proposal:
    fields.setdefault("year", assigned_on.year if assigned_on else 2026)
    fields.setdefault("kind", ProposalKind.SUGGESTION)
    fields.setdefault("number", str(next(_numbers)))
    fields.setdefault("title", "关于改善农村道路的建议")
    fields.setdefault("proposer", "张建国")
    fields.setdefault("session", "县十七届人大五次会议")
    proposal = Proposal(unit=unit, assigned_on=assigned_on, **fields)
    return proposal_save(proposal=proposal, co_unit_ids=[u.pk for u in co_units])


def replied(proposal: Proposal, on: date, *, text: str = "经研究，现答复如下：已列入明年计划。", result: str = "B"):
    proposal.replied_on, proposal.reply_text, proposal.result_class = on, text, result
    return proposal_save(proposal=proposal)


def make_concern(unit: Unit, first_seen_at: datetime, severity: str = Severity.GENERAL, **fields) -> Concern:
    fields.setdefault("topic", "网传城区停水")
    fields.setdefault("seen_where", "微信群")
    return concern_save(concern=Concern(unit=unit, first_seen_at=first_seen_at, severity=severity, **fields))


def make_response(concern: Concern, made_at: datetime, kind: str = ResponseKind.STATEMENT, **fields) -> Response:
    fields.setdefault("title", f"关于{concern.topic}的说明")
    return response_save(response=Response(concern=concern, made_at=made_at, kind=kind, **fields))
