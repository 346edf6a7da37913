"""Migration 0003: existing rows keep their dates and kinds; their entry time comes from their history."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("interpretation", "0002_search_index")]
AFTER = [("interpretation", "0003_unknown_dates_and_units")]


@pytest.mark.django_db(transaction=True)
def test_existing_rows_keep_their_dates_and_get_their_history_entry_time():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        unit = old.get_model("organizations", "Unit").objects.create(
            code="u", name="鲁山县民政局", kind="county_department"
        )
        document = old.get_model("interpretation", "PolicyDocument").objects.create(
            unit=unit, kind="other", title="旧文件", body="x", signed_on=date(2020, 3, 1), published_on=date(2020, 3, 2)
        )
        entered = datetime(2021, 5, 6, 1, 2, tzinfo=UTC)
        old.get_model("interpretation", "HistoricalPolicyDocument").objects.create(
            id=document.id, unit_id=unit.id, kind="other", title="旧文件", body="x", signed_on=date(2020, 3, 1),
            status="draft", history_date=entered, history_type="+",
        )  # fmt: skip
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        new = executor.loader.project_state(AFTER).apps
        row = new.get_model("interpretation", "PolicyDocument").objects.get(pk=document.pk)
        assert (row.signed_on, row.published_on, row.kind) == (date(2020, 3, 1), date(2020, 3, 2), "other")
        assert row.entered_at == entered  # never the time the migration ran
    finally:
        MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
