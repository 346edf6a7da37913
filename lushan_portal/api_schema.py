"""The API's schema (/api/schema/): its error answers and its Chinese descriptions, in one place.

DRF answers a refused parameter or body with 400 ``{"参数": ["中文说明"]}`` (or ``{"detail": …}``),
an unknown record, page or cursor with 404, a missing permission or second factor with 403,
and, where a login is required, 401 or 403. drf-spectacular documents only the success
answer; ``document_errors`` (a postprocessing hook) adds the rest, so clients and
schemathesis see the whole contract. It also documents that an empty optional parameter
(``?kind=``, what the pages' "全部" submits) means "no filter", and that text never holds NUL.

Every operation, parameter and field is described in Chinese (the schema test walks them all):
operations and parameters by the apps' ``api.py`` (``extend_schema``, filter ``help_text``),
fields by serializer ``help_text`` or else the model field's Chinese verbose name, which
``describe_in_chinese`` copies from the field's title; the groups come from ``api_info``.
"""

from typing import Any

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema

from lushan_portal.api_info import ENDPOINT_TAGS

ERROR = {
    "type": "object",
    "description": "错误说明",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": "参数或字段名 → 中文错误说明（或 detail → 说明）",
    "additionalProperties": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
}
EMPTY = {"type": "string", "maxLength": 0}
# PostgreSQL stores no NUL character: Django's form and serializer fields refuse it with 400.
NO_NUL = "^[^\\x00]*$"
DESCRIPTIONS = {
    "400": "参数或请求内容有误（说明指出是哪个参数）",
    "401": "未登录",
    "403": "无权限、未完成双因素验证或缺少 CSRF 令牌",
    "404": "没有这一记录、页码或游标",
    "429": "访问过于频繁（超过访问频率限制）：Retry-After 头给出需等待的秒数",
}
METHODS = {"get", "put", "patch", "post", "delete"}


def _response(code: str, component: str) -> dict:
    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}}
    return {"description": DESCRIPTIONS[code], "content": content}


def _needs_login(operation: dict, default_security: list) -> bool:
    security = operation.get("security", default_security)
    return bool(security) and {} not in security


EMPTY_FILTER = "空值表示不筛选。"
EMPTY_PAGE = "空值表示第 1 页。"


def _allow_empty(parameter: dict) -> None:
    """django-filter and the paginator read an empty optional parameter as absent."""
    schema = parameter.get("schema", {})
    if parameter.get("in") != "query" or parameter.get("required") or _accepts_empty(schema):
        return
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], ""]
    else:
        parameter["schema"] = {"anyOf": [schema, EMPTY]}
    note = EMPTY_PAGE if parameter["name"] == "page" else EMPTY_FILTER
    parameter["description"] = (parameter.get("description", "") + "\n\n" + note).strip()


def _accepts_empty(schema: dict) -> bool:
    if "enum" in schema:
        return "" in schema["enum"]
    plain = schema.get("type") == "string" and not {"format", "pattern", "minLength"} & schema.keys()
    return plain or "anyOf" in schema


def _refuse_nul(schema: dict) -> None:
    if schema.get("type") == "string" and not {"enum", "format", "pattern"} & schema.keys():
        schema["pattern"] = NO_NUL


def document_errors(result: dict, generator: Any, request: Any, public: bool) -> dict:
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, component in schemas.items():
        if name.endswith("Request"):
            for field in component.get("properties", {}).values():
                _refuse_nul(field)
    schemas["Error"] = ERROR
    schemas["FieldErrors"] = FIELD_ERRORS
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            if method not in METHODS:
                continue
            parameters = operation.get("parameters", [])
            for parameter in parameters:
                _allow_empty(parameter)
                _refuse_nul(parameter.get("schema", {}))
            responses = operation.setdefault("responses", {})
            if any(p.get("in") == "query" for p in parameters) or "requestBody" in operation:
                responses.setdefault("400", _response("400", "FieldErrors"))
            if _needs_login(operation, result.get("security", [])):
                responses.setdefault("401", _response("401", "Error"))
            responses.setdefault("403", _response("403", "Error"))
            responses.setdefault("404", _response("404", "Error"))
            responses.setdefault("429", _response("429", "Error"))
    return result


class PortalAutoSchema(AutoSchema):
    """Operations of /api/<prefix>/ are grouped under the prefix's Chinese tag (api_info)."""

    def get_tags(self) -> list[str]:
        tags = super().get_tags()
        return [ENDPOINT_TAGS[tag][0] if tag in ENDPOINT_TAGS else tag for tag in tags]


class DescribedFilterExtension(DjangoFilterExtension):
    """drf-spectacular drops a filter's help_text or label when its type is set by
    ``extend_schema_field`` (the year, id and text filters): keep it as the description."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field) -> list[dict]:
        parameters = super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)
        description = filter_field.extra.get("help_text") or filter_field.label
        for parameter in parameters:
            if description and not parameter.get("description"):
                parameter["description"] = str(description)
        return parameters


PAGE_FIELDS = {
    "count": "符合条件的记录总数",
    "next": "下一页的完整网址；已是最后一页时为 null",
    "previous": "上一页的完整网址；已是第一页时为 null",
    "results": "本页的记录",
}
SESSION_AUTH = (
    "工作人员在本网站登录后的会话 Cookie（sessionid）；须使用双因素认证的角色要先完成验证。"
    "修改数据的请求还须在 X-CSRFToken 头中带上 csrftoken Cookie 的值。"
)


def _describe_properties(component: dict) -> None:
    for name, field in component.get("properties", {}).items():
        if field.get("description"):
            continue
        if name in PAGE_FIELDS and "results" in component["properties"]:
            field["description"] = PAGE_FIELDS[name]
        elif field.get("title"):
            # A model field's verbose name (Chinese) is its plainest description.
            field["description"] = field["title"]


SUCCESS = {"200": "成功", "201": "已创建", "204": "成功（无内容）"}


def describe_in_chinese(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """Descriptions drf-spectacular leaves out: fields known only by their title, the page
    envelope of list answers, success answers, the error answers and the session login."""
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            for code, response in operation.get("responses", {}).items() if method in METHODS else ():
                if not response.get("description") and code in SUCCESS:
                    response["description"] = SUCCESS[code]
    components = result.get("components", {})
    for component in components.get("schemas", {}).values():
        _describe_properties(component)
    errors = components.get("schemas", {}).get("Error", {}).get("properties", {})
    errors.get("detail", {}).setdefault("description", "中文说明")
    for scheme in components.get("securitySchemes", {}).values():
        scheme.setdefault("description", SESSION_AUTH)
    return result
