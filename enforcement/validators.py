"""Check digits of the national identifiers (rules.md §4 fields).

The credit code check lives in organizations.validators (units carry credit codes too).
"""

from organizations.validators import credit_code_check_char, is_valid_credit_code
from organizations.validators import validate_credit_code as validate_unit_credit_code

__all__ = ["credit_code_check_char", "id_check_char", "is_valid_credit_code", "is_valid_id_number"]

# GB 11643-1999: citizen identity number.
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"


def validate_credit_code(code: str) -> None:
    """Kept here by name: the enforcement migrations refer to it."""
    validate_unit_credit_code(code)


def id_check_char(first17: str) -> str:
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def is_valid_id_number(number: str) -> bool:
    number = number.strip().upper()
    if len(number) != 18 or not number[:17].isdigit():
        return False
    return id_check_char(number[:17]) == number[17]
