"""Catalog at scale: 10,000 catalog items and 100,000 publications on PostgreSQL.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench \
        .venv/bin/python benchmarks/catalog_scale.py [--items 10000 --publications 100000]

Prints, for the domain page, a unit's column, a unit's catalog for one domain, an item page,
a search for a two-character word, and the API lists: median and 95th percentile over
repeated requests through the Django test client, and the number of queries.
"""

import argparse
import random
import time
from datetime import timedelta

from harness import analyze, arguments, report, setup_django

WORDS = [
    "低保",
    "特困",
    "临时救助",
    "招生",
    "学区",
    "资助",
    "预算",
    "决算",
    "三公经费",
    "招标",
    "中标",
    "征收",
    "补偿",
    "安置",
    "危房",
    "养老",
    "就业",
    "社保",
    "医保",
]


def load(items: int, publications: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from catalog.models import Catalog, CatalogItem, CatalogStatus, Domain, Publication
    from catalog.seed import seed_domains
    from catalog.services import item_prepare, publication_prepare
    from organizations.models import Unit
    from organizations.seed import seed_units

    if Publication.objects.count() >= publications and CatalogItem.objects.exists():
        print(f"{items:,} items and {publications:,} publications already loaded")
        return
    seed_units()
    seed_domains()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE catalog_publication, catalog_catalogitem, catalog_catalog RESTART IDENTITY CASCADE")
    started = time.perf_counter()
    units = list(Unit.objects.all())
    domains = list(Domain.objects.all())
    now = timezone.now()
    catalogs = Catalog.objects.bulk_create(
        Catalog(unit=unit, domain=domain, status=CatalogStatus.PUBLISHED, published_at=now)
        for unit in units
        for domain in domains
    )
    rng = random.Random(2026)
    per_catalog = max(items // len(catalogs), 1)
    new_items = []
    for catalog in catalogs:
        for n in range(per_catalog):
            word = rng.choice(WORDS)
            item = CatalogItem(
                catalog=catalog,
                position=n,
                level1=f"{word}事项{n // 4}",
                level2=f"{word}信息{n}",
                content=f"{word}相关的政策文件、办事指南、审核信息和审批信息，第{n}项",
                time_limit_text="信息形成或者变更之日起20个工作日内",
                audience_public=True,
                mode_proactive=True,
                level_county=True,
            )
            item_prepare(item)
            new_items.append(item)
    CatalogItem.objects.bulk_create(new_items, batch_size=5000)
    all_items = list(CatalogItem.objects.select_related("catalog"))
    today = timezone.localdate()
    batch = []
    for n in range(publications):
        item = all_items[n % len(all_items)]
        word = rng.choice(WORDS)
        publication = Publication(
            item=item,
            title=f"{item.catalog.unit.short_name}{word}信息公示第{n}号",
            body=f"根据有关规定，现将{word}情况公开如下。" * 5,
            formed_on=today - timedelta(days=rng.randrange(1, 1500)),
            status="published",
        )
        publication_prepare(publication)
        publication.published_on = publication.formed_on + timedelta(days=3)
        publication.published_on_time = True
        batch.append(publication)
        if len(batch) == 10_000:
            Publication.objects.bulk_create(batch)
            batch = []
    Publication.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE catalog_publication")
        cursor.execute("VACUUM ANALYZE catalog_catalogitem")
    print(f"loaded {len(new_items):,} items and {publications:,} publications in {time.perf_counter() - started:.1f} s")


def bench_pages() -> None:
    from django.test import Client

    from catalog.models import CatalogItem

    client = Client()
    item = CatalogItem.objects.select_related("catalog__unit", "catalog__domain").order_by("id").first()
    unit, domain = item.catalog.unit.code, item.catalog.domain.code
    pages = {
        "domain page": f"/catalog/{domain}/",
        "unit column": f"/units/{unit}/",
        "unit catalog for a domain": f"/units/{unit}/{domain}/",
        "item page": item.get_absolute_url(),
        "search '低保' (2 characters)": "/search/?q=低保",
        "search '招生' + domain filter": f"/search/?q=招生&domain={domain}",
        "API catalog items ?q=低保": "/api/catalog-items/?q=低保",
        "API publications list": "/api/publications/",
        "API publications ?q=补偿": "/api/publications/?q=补偿",
    }
    for label, url in pages.items():
        assert client.get(url).status_code == 200, label
        report(label, lambda url=url: client.get(url), repeat=30, width=32)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--publications", type=int, default=100_000)


def main() -> None:
    args = arguments(__doc__, add_arguments)
    setup_django()
    load(args.items, args.publications)
    analyze()
    bench_pages()


if __name__ == "__main__":
    main()
