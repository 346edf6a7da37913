"""Check digits of the national identifiers (rules.md §4 fields).

The checks live in organizations.validators (units and applicants carry these identifiers too).
"""

from organizations.validators import credit_code_check_char, id_check_char, is_valid_credit_code, is_valid_id_number
from organizations.validators import validate_credit_code as validate_unit_credit_code

__all__ = ["credit_code_check_char", "id_check_char", "is_valid_credit_code", "is_valid_id_number"]


def validate_credit_code(code: str) -> None:
    """Kept here by name: the enforcement migrations refer to it."""
    validate_unit_credit_code(code)
