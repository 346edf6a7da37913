"""Existing single-limit items keep exactly the limit they were enforced with after migration."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("catalog", "0003_import_limits")]
AFTER = [("catalog", "0004_unknown_ticks_and_time_limit_clauses")]


def migrate(target: list[tuple[str, str]]):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_stored_limits_become_one_clause_each_and_publications_record_it():
    old = migrate(BEFORE)
    try:
        unit = old.get_model("organizations", "Unit").objects.create(
            code="u", name="鲁山县民政局", kind="county_department"
        )
        domain = old.get_model("catalog", "Domain").objects.create(code="d", name="社会救助")
        catalog = old.get_model("catalog", "Catalog").objects.create(unit=unit, domain=domain)
        item_model = old.get_model("catalog", "CatalogItem")
        rows = [
            ("制定或获取信息之日起10个工作日内", "working_days", 10),
            ("批准后20日内", "calendar_days", 20),
            ("实时公开", "continuous", 20),  # the old admin default left days at 20
            ("", "working_days", 20),
        ]
        items = [
            item_model.objects.create(
                catalog=catalog, level1=f"事项{n}", time_limit_text=text, time_limit_kind=kind, time_limit_days=days
            )
            for n, (text, kind, days) in enumerate(rows)
        ]
        old.get_model("catalog", "Publication").objects.create(
            unit=unit, domain=domain, item=items[1], title="预算", formed_on="2025-01-02"
        )
        new = migrate(AFTER)
        migrated = new.get_model("catalog", "CatalogItem").objects.order_by("level1")
        assert [(i.time_limits[0]["unit"], i.time_limits[0]["days"]) for i in migrated] == [
            ("working_days", 10),
            ("calendar_days", 20),
            ("continuous", None),
            ("working_days", 20),
        ]
        assert [i.time_limits[0]["text"] for i in migrated] == [text for text, _kind, _days in rows]
        assert all(len(i.time_limits) == 1 and i.audience_public for i in migrated)  # ticks kept as stored
        publication = new.get_model("catalog", "Publication").objects.get()
        assert publication.time_limit == migrated[1].time_limits[0]
    finally:
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
