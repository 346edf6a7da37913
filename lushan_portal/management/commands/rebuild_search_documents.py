"""Rebuild the stored search documents (and, on PostgreSQL, their vectors) of every searchable model.

Run after a change of the segmentation (jieba's dictionary, the abbreviations) or for rows
written around the services. Idempotent: a second run changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from lushan_portal import pagecache
from lushan_portal.text_search import searchables, vector_sql

BATCH = 2000


class Command(BaseCommand):
    help = "重建站内搜索的分词文档和检索向量（可重复运行，只更新有变化的记录）"

    def add_arguments(self, parser) -> None:
        parser.add_argument("models", nargs="*", help="只重建这些模型，如 catalog.publication（默认全部）")

    def handle(self, *args: object, models: list[str], **options: object) -> None:
        chosen = [s for s in searchables() if not models or s.model._meta.label_lower in models]
        for searchable in chosen:
            documents, vectors = rebuild(searchable)
            if documents or vectors:  # bulk writes send no signals: the cached search pages must go
                pagecache.bump(pagecache.section_of(searchable.model) or pagecache.SITE)
            label = searchable.model._meta.label_lower
            self.stdout.write(f"{label}: {documents} 条分词文档已更新，{vectors} 条检索向量已补齐")


def rebuild(searchable: object) -> tuple[int, int]:
    """(documents changed, vectors filled) for one searchable model."""
    model, fields = searchable.model, [column for column, _weight in searchable.columns]
    changed = 0
    last = 0
    while True:
        with transaction.atomic():
            rows = list(model._base_manager.filter(pk__gt=last).order_by("pk")[:BATCH])
            if not rows:
                break
            last = rows[-1].pk
            stale = []
            for row in rows:
                documents = searchable.build(row)
                if any(getattr(row, field) != text for field, text in documents.items()):
                    for field, text in documents.items():
                        setattr(row, field, text)
                    stale.append(row)
            model._base_manager.bulk_update(stale, fields)  # the trigger refreshes the vector
            changed += len(stale)
    filled = 0
    if searchable.stored_vector and connection.vendor == "postgresql":
        table, expression = model._meta.db_table, vector_sql(searchable.columns)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET search_vector = {expression} WHERE search_vector IS DISTINCT FROM {expression}"
            )
            filled = cursor.rowcount
    return changed, filled
