"""Two scans at once on PostgreSQL, each on its own connection: together they report each row once."""

import threading
import time
from datetime import date

import pytest
from django.db import connection, transaction

from compliance.models import Alert
from compliance.scans import ScanResult, deadline_rule_scan
from compliance.tests.test_scans import make_units, rule  # noqa: F401 (fixture)
from conftest import need_service

ROWS = 60
TODAY = date(2026, 3, 3)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_scans_report_together_the_rows_in_the_table(rule):  # noqa: F811
    need_service(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL) for concurrent connections")
    make_units(ROWS)
    results: dict[str, ScanResult] = {}
    first_inserted = threading.Event()

    def first() -> None:
        # Inserts and holds its transaction open while the second scan runs into the same rows.
        try:
            with transaction.atomic():
                results["first"] = deadline_rule_scan(rule=rule, today=TODAY)
                first_inserted.set()
                time.sleep(1.0)
        finally:
            first_inserted.set()
            connection.close()

    def second() -> None:
        first_inserted.wait()
        try:
            results["second"] = deadline_rule_scan(rule=rule, today=TODAY)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Alert.objects.count() == ROWS
    assert results["first"].raised + results["second"].raised == ROWS
