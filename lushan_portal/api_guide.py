"""/api/: the Chinese guide to the API, and the endpoint map for machines.

Everything on the guide is read from the API itself, so it cannot drift from it: the router's
endpoints; the OpenAPI schema's Chinese descriptions, parameters, fields, access and examples
(the apps' ``api.py``); each viewset's pagination and fixed order; the settings' rate limits
and data licence. A new endpoint appears here without editing this module.

``/api/?format=json``, or a request that prefers ``application/json`` (``Accept``), gets the map
DRF's API root gave, ``{"units": "https://…/api/units/", …}``; a browser (or ``*/*``) the page.
"""

import functools
import json
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import DateField, DateTimeField, F, Model
from django.db.models.expressions import OrderBy
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from drf_spectacular.generators import SchemaGenerator
from rest_framework.pagination import CursorPagination
from rest_framework.routers import BaseRouter
from rest_framework.settings import api_settings

from lushan_portal.api_info import licence_text, rate_text
from lushan_portal.api_schema import DESCRIPTIONS, EMPTY_FILTER

JSON = "application/json"
HTML = "text/html"
ERROR_FORMAT = "参数 format 只能是 json 或 html。"
CHOICE_LINE = re.compile(r"^\* `(?P<code>[^`]*)` - (?P<label>.*)$")
PAGING_PARAMETERS = {"page", "cursor"}
# Filters tried first for the example request: a list narrowed to the example record's unit.
PREFERRED_FILTERS = ("unit", "domain", "decision", "kind", "year")
METHODS = ("get", "post", "patch", "put", "delete")
FORMATS = {
    "date": "日期（YYYY-MM-DD）",
    "date-time": "时间（ISO 8601，含时区）",
    "uri": "网址",
    "email": "电子邮件地址",
}
TYPES = {"string": "文本", "integer": "整数", "number": "数字", "boolean": "true 或 false", "object": "对象"}


@dataclass
class Value:
    code: str
    label: str


@dataclass
class Parameter:
    name: str
    description: str
    type_text: str
    values: list[Value]


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    login_required: bool
    responses: list[tuple[str, str]]
    curl: str = ""


@dataclass
class Endpoint:
    prefix: str
    name: str
    description: str
    list_url: str
    login_required: bool
    operations: list[Operation]
    parameters: list[Parameter]
    fields: list[Parameter]
    paging: str
    order: str
    list_curl: str
    detail_curl: str
    example: str
    list_example: str
    extra: list[Operation] = field(default_factory=list)


@functools.cache
def openapi_schema() -> dict:
    """The schema /api/schema/ serves; it depends on the code only, so once per process."""
    return SchemaGenerator().get_schema(request=None, public=True)


def _resolve(schema: dict, components: dict) -> dict:
    """The schema itself, through a $ref, allOf of one, or the first non-empty alternative."""
    if "$ref" in schema:
        return components[schema["$ref"].rsplit("/", 1)[-1]]
    if len(schema.get("allOf", [])) == 1:
        return {**_resolve(schema["allOf"][0], components), **{k: v for k, v in schema.items() if k != "allOf"}}
    for key in ("oneOf", "anyOf"):
        choices = [s for s in schema.get(key, []) if s.get("maxLength") != 0 and "NullEnum" not in s.get("$ref", "")]
        if choices:
            return {**_resolve(choices[0], components), "nullable": schema.get("nullable", False)}
    return schema


def _values(*descriptions: str) -> list[Value]:
    for description in descriptions:
        found = [CHOICE_LINE.match(line) for line in (description or "").splitlines()]
        if any(found):
            return [Value(m["code"], m["label"]) for m in found if m]
    return []


def _own_text(description: str | None) -> str:
    """A description without the list of choices and the shared "empty means no filter"."""
    lines = [line for line in (description or "").splitlines() if not CHOICE_LINE.match(line)]
    return "\n".join(lines).replace(EMPTY_FILTER, "").strip()


def _type_text(schema: dict, components: dict) -> str:
    resolved = _resolve(schema, components)
    kind = resolved.get("type")
    if kind == "array":
        item = _resolve(resolved.get("items", {}), components)
        text = (
            "对象列表"
            if item.get("type") == "object" or "properties" in item
            else f"{_type_text(item, components)}列表"
        )
    elif "enum" in resolved:
        text = "代码"
    elif kind == "string" and resolved.get("format") in FORMATS:
        text = FORMATS[resolved["format"]]
    elif kind == "string" and resolved.get("maxLength"):
        text = f"文本（最多 {resolved['maxLength']} 字）"
    elif kind == "integer" and "minimum" in resolved and resolved.get("maximum", 0) < 10**6:
        text = f"整数（{resolved['minimum']}–{resolved['maximum']}）"
    else:
        text = TYPES.get(kind, "对象" if "properties" in resolved else "文本")
    if schema.get("nullable") or resolved.get("nullable"):
        text += "，可为 null"
    return text


def _parameter(parameter: dict, components: dict) -> Parameter:
    schema = parameter.get("schema", {})
    return Parameter(
        name=parameter["name"],
        description=_own_text(parameter.get("description")),
        type_text=_type_text(schema, components),
        values=[v for v in _values(parameter.get("description", "")) if v.code],
    )


def _fields(schema: dict, components: dict) -> list[Parameter]:
    resolved = _resolve(schema, components)
    rows = []
    for name, prop in resolved.get("properties", {}).items():
        target = _resolve(prop, components)
        rows.append(
            Parameter(
                name=name,
                description=_own_text(prop.get("description")),
                type_text=_type_text(prop, components),
                values=_values(prop.get("description", ""), target.get("description", "")),
            )
        )
    return rows


def _login_required(operation: dict, schema: dict) -> bool:
    security = operation.get("security", schema.get("security", []))
    return bool(security) and {} not in security


def _ok_content(operation: dict) -> dict:
    for code in ("200", "201"):
        content = operation.get("responses", {}).get(code, {}).get("content", {})
        if JSON in content:
            return content[JSON]
    return {}


def _example(content: dict) -> Any:
    for example in content.get("examples", {}).values():
        return example.get("value")
    return None


def _pretty(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _curl(url: str, *, method: str = "GET", body: Any = None, login: bool = False) -> str:
    parts = ["curl"]
    if method != "GET":
        parts += ["-X", method]
    parts += ["-H", shlex.quote(f"Accept: {JSON}")]
    if login:
        parts += ["--cookie", shlex.quote("sessionid=…（工作人员登录后的会话）")]
    if body is not None:
        parts += ["-H", shlex.quote(f"Content-Type: {JSON}"), "-d", shlex.quote(json.dumps(body, ensure_ascii=False))]
    return " ".join([*parts, shlex.quote(url)])


def _fill(path: str, example: dict | None) -> str | None:
    """``/api/units/{code}/`` with the example's code, or None without an example."""
    names = re.findall(r"{(\w+)}", path)
    if example is None or any(name not in example for name in names):
        return None
    return re.sub(r"{(\w+)}", lambda m: str(example[m[1]]), path)


def _example_query(parameters: list[dict], example: dict | None) -> str:
    """A filter the example record matches, e.g. ``?unit=civil-affairs``."""
    if not example:
        return ""
    usable = {}
    for parameter in parameters:
        name, value = parameter["name"], example.get(parameter["name"])
        if name in PAGING_PARAMETERS or name == "q" or value in (None, "") or isinstance(value, (dict, list, bool)):
            continue
        enum = parameter.get("schema", {}).get("enum")
        if enum is None or value in enum:
            usable[name] = value
    ranked = [n for n in PREFERRED_FILTERS if n in usable] + sorted(usable)
    return f"?{ranked[0]}={usable[ranked[0]]}" if ranked else ""


def _term(term: object) -> tuple[str, bool, bool] | None:
    """(field path, descending, unknown last) of one ordering term."""
    if isinstance(term, str):
        return term.lstrip("-"), term.startswith("-"), False
    if isinstance(term, OrderBy) and isinstance(term.expression, F):
        return term.expression.name, term.descending, bool(term.nulls_last)
    return None


# Fields that hold a position rather than a value: ascending is simply "the set order".
POSITION_FIELDS = {"sort_order": "规定顺序", "position": "位置"}


def _label(model: type[Model], path: str) -> tuple[str, str]:
    """The Chinese name of a field path (``domain__sort_order`` → 领域的规定顺序) and its kind:
    "date", "position" or "value"."""
    labels, kind = [], "value"
    for part in path.split("__"):
        if part in ("pk", "id"):
            labels.append("编号")
            break
        if part in POSITION_FIELDS:
            labels.append(POSITION_FIELDS[part])
            kind = "position"
            break
        model_field = model._meta.get_field(part.removesuffix("_id") if part.endswith("_id") else part)
        labels.append(str(model_field.verbose_name))
        kind = "date" if isinstance(model_field, DateField | DateTimeField) else "value"
        if model_field.is_relation:
            model = model_field.related_model
    else:
        if model_field.is_relation:  # ordered by the related row's id
            labels.append("编号")
    return "的".join(labels), kind


def _direction(kind: str, descending: bool, nulls_last: bool) -> str:
    if kind == "date":
        words = "最新在前" if descending else "最早在前"
    elif kind == "position" and not descending:
        return ""
    else:
        words = "降序" if descending else "升序"
    return f"（{words}{'，不详的在后' if nulls_last else ''}）"


def _model(viewset: type) -> type[Model] | None:
    if viewset.queryset is not None:
        return viewset.queryset.model
    meta = getattr(viewset.serializer_class, "Meta", None)
    if meta is not None:
        return meta.model
    try:  # a get_queryset that needs no request (one that does has a serializer Meta above)
        return viewset().get_queryset().model
    except AttributeError:
        return None


def _order(viewset: type) -> str:
    """The fixed order of a list, in words (the API takes no ordering parameter)."""
    paginator, queryset, model = viewset.pagination_class, viewset.queryset, _model(viewset)
    if model is None:
        return ""
    if paginator is not None and issubclass(paginator, CursorPagination):
        terms = [paginator.ordering] if isinstance(paginator.ordering, str) else paginator.ordering
    elif queryset is not None and queryset.query.order_by:
        terms = queryset.query.order_by
    else:
        terms = model._meta.ordering
    words = []
    for parsed in filter(None, map(_term, terms)):
        path, descending, nulls_last = parsed
        label, kind = _label(model, path)
        words.append(label + _direction(kind, descending, nulls_last))
    return "按" + "、".join(words) + "排列" if words else ""


def _paging(viewset: type) -> tuple[str, Callable[[Any], Any]]:
    """The list's paging in words, and a function wrapping one record into a list answer."""
    paginator = viewset.pagination_class
    if paginator is None:
        return "不分页：一次返回全部记录（JSON 数组）。", lambda record: [record]
    size = paginator.page_size or api_settings.PAGE_SIZE
    if issubclass(paginator, CursorPagination):
        text = (
            f"游标分页：每页 {size} 条；回答中的 next、previous 是下一页、上一页的完整网址（cursor 参数），不提供总数。"
        )
    else:
        text = f"页码分页：每页 {size} 条，用 page 参数翻页（从 1 开始）；回答含总数 count 和 next、previous 链接。"
    properties = paginator().get_paginated_response_schema({}).get("properties", {})

    def wrap(record: Any) -> dict:
        envelope = {name: None for name in properties}
        if "count" in envelope:
            envelope["count"] = 1
        return {**envelope, "results": [record]}

    return text, wrap


def _operations(schema: dict, prefix: str) -> list[tuple[str, str, dict]]:
    """(path, method, operation) of every operation under /api/<prefix>/, list first."""
    base = f"/api/{prefix}/"
    found = []
    for path, item in schema["paths"].items():
        if path == base or (path.startswith(base) and path[len(base)] == "{"):
            found += [(path, method, item[method]) for method in METHODS if method in item]
    return sorted(found, key=lambda row: (row[0].count("/"), len(row[0]), METHODS.index(row[1])))


def _endpoint(request: HttpRequest, schema: dict, prefix: str, viewset: type, basename: str) -> Endpoint | None:
    components = schema.get("components", {}).get("schemas", {})
    rows = _operations(schema, prefix)
    listing = next((op for path, method, op in rows if method == "get" and path == f"/api/{prefix}/"), None)
    if listing is None:
        return None
    detail_path, detail = next(
        ((path, op) for path, method, op in rows if method == "get" and path != f"/api/{prefix}/"), (None, None)
    )
    detail_content = _ok_content(detail or {})
    example = _example(detail_content)
    record_schema = detail_content.get("schema") or _ok_content(listing).get("schema", {})
    tags = {tag["name"]: tag.get("description", "") for tag in schema.get("tags", [])}
    name = (listing.get("tags") or [prefix])[0]
    list_url = request.build_absolute_uri(reverse(f"{basename}-list"))
    login = _login_required(listing, schema)
    paging, wrap = _paging(viewset)
    operations, extra = [], []
    for path, method, operation in rows:
        row = Operation(
            method=method.upper(),
            path=path,
            summary=operation.get("summary", ""),
            description=operation.get("description", ""),
            login_required=_login_required(operation, schema),
            responses=[(code, r.get("description", "")) for code, r in operation.get("responses", {}).items()],
        )
        operations.append(row)
        body = _example(operation.get("requestBody", {}).get("content", {}).get(JSON, {}))
        filled = _fill(path, example)
        if method != "get" and body is not None and filled:
            row.curl = _curl(request.build_absolute_uri(filled), method=row.method, body=body, login=row.login_required)
            extra.append(row)
    filled_detail = _fill(detail_path, example) if detail_path else None
    return Endpoint(
        prefix=prefix,
        name=name,
        description=tags.get(name, ""),
        list_url=list_url,
        login_required=login,
        operations=operations,
        parameters=[_parameter(p, components) for p in listing.get("parameters", []) if p.get("in") == "query"],
        fields=_fields(record_schema.get("items", record_schema), components),
        paging=paging,
        order=_order(viewset),
        list_curl=_curl(list_url + _example_query(listing.get("parameters", []), example), login=login),
        detail_curl=_curl(request.build_absolute_uri(filled_detail), login=login) if filled_detail else "",
        example=_pretty(example) if example is not None else "",
        list_example=_pretty(wrap(example)) if example is not None else "",
        extra=extra,
    )


def endpoints(request: HttpRequest, router: BaseRouter) -> list[Endpoint]:
    """Every endpoint the router registers, in the order of the schema's groups."""
    schema = openapi_schema()
    order = [tag["name"] for tag in schema.get("tags", [])]
    found = [_endpoint(request, schema, prefix, viewset, basename) for prefix, viewset, basename in router.registry]
    found = [endpoint for endpoint in found if endpoint is not None]
    return sorted(found, key=lambda e: order.index(e.name) if e.name in order else len(order))


def endpoint_map(request: HttpRequest, router: BaseRouter) -> dict[str, str]:
    """What DRF's API root answered: each endpoint's list address."""
    return {
        prefix: request.build_absolute_uri(reverse(f"{basename}-list"))
        for prefix, _viewset, basename in router.registry
    }


def wants_json(request: HttpRequest) -> bool:
    requested = request.GET.get("format", "")
    if requested:
        return requested == "json"
    return request.get_preferred_type([HTML, JSON]) == JSON


def variant(request: HttpRequest) -> str:
    """The page cache's name for what this request gets: the guide or the map (by Accept)."""
    return "json" if wants_json(request) else "html"


def api_root(request: HttpRequest, router: BaseRouter) -> HttpResponse:
    """The guide for people, the endpoint map for programs (``?format=json`` or Accept)."""
    if request.GET.get("format", "") not in ("", "json", "html"):
        response = JsonResponse({"format": [ERROR_FORMAT]}, status=400, json_dumps_params={"ensure_ascii": False})
    elif wants_json(request):
        response = JsonResponse(endpoint_map(request, router), json_dumps_params={"ensure_ascii": False})
    else:
        rates = api_settings.DEFAULT_THROTTLE_RATES
        listed = endpoints(request, router)
        context = {
            "endpoints": listed,
            "login_endpoints": [e for e in listed if e.login_required or any(o.login_required for o in e.operations)],
            "anonymous_rate": rate_text(rates["anon"]),
            "user_rate": rate_text(rates["user"]),
            "licence": licence_text(settings.API_DATA_LICENCE),
            "api_base_url": request.build_absolute_uri(reverse("api-root")),
            "map_url": request.build_absolute_uri(reverse("api-root")) + "?format=json",
            "schema_url": request.build_absolute_uri(reverse("api-schema")),
            "page_size": api_settings.PAGE_SIZE,
            "status_codes": sorted(DESCRIPTIONS.items()),
        }
        response = render(request, "api_guide.html", context)
    patch_vary_headers(response, ["Accept"])
    return response
