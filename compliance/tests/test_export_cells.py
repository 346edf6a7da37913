"""Dashboard exports carry text the units typed: a formula in it reaches the reader as text."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import make_unit

pytestmark = pytest.mark.django_db

FORMULA = "=cmd|' /C calc'!A0"


def test_a_unit_named_like_a_formula_is_text_in_csv_and_xlsx(client, supervisor, unit_a):
    make_unit("hostile", FORMULA)
    client.force_login(supervisor)
    url = reverse("compliance:dashboard")
    rows = list(csv.reader(io.StringIO(client.get(url, {"format": "csv"}).content.decode("utf-8-sig"))))
    assert "'" + FORMULA in [row[1] for row in rows]
    book = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}).content))
    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert "'" + FORMULA in [cell.value for cell in cells]
    assert not any(cell.data_type == "f" for cell in cells)
