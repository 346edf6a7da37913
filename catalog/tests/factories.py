from datetime import date

from catalog.models import Catalog, CatalogItem, Domain, Publication
from catalog.rules import parse_time_limits
from catalog.seed import seed_domains
from catalog.services import (
    catalog_items_replace,
    catalog_review,
    catalog_start,
    catalog_submit,
    publication_publish,
    publication_save,
)
from organizations.models import Unit
from publication_review.testing import reviewed


def domain(code: str = "social-assistance") -> Domain:
    seed_domains()
    return Domain.objects.get(code=code)


def item(
    level1: str, level2: str = "", *, limit: str = "信息形成或者变更之日起20个工作日内", **fields: object
) -> CatalogItem:
    ticks = {"audience_public": True, "mode_proactive": True, "level_county": True}
    return CatalogItem(
        level1=level1, level2=level2, time_limit_text=limit, time_limits=parse_time_limits(limit), **(ticks | fields)
    )


def default_items() -> list[CatalogItem]:
    return [
        item("最低生活保障", "审批信息", content="低保对象名单、保障金额", limit="制定或获取信息之日起10个工作日内"),
        item("最低生活保障", "办事指南", content="申请条件、救助标准、申请材料"),
        item("临时救助", "审批信息", content="临时救助对象名单", limit="实时公开"),
    ]


def published_catalog(unit: Unit, reviewer: object, *, code: str = "social-assistance", items=None) -> Catalog:
    catalog = catalog_start(unit=unit, domain=domain(code))
    catalog_items_replace(catalog=catalog, items=items or default_items())
    catalog_submit(catalog=catalog)
    return catalog_review(catalog=catalog, by=reviewer, approve=True)


def published_publication(catalog_item: CatalogItem, *, title: str, body: str = "", formed_on: date, **fields):
    publication = publication_save(
        publication=Publication(item=catalog_item, title=title, body=body, formed_on=formed_on, **fields)
    )
    return publication_publish(publication=reviewed(publication))
