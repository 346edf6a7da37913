"""The error answers every API operation can give, written into /api/schema/ in one place.

DRF answers a refused parameter or body with 400 ``{"参数": ["中文说明"]}`` (or ``{"detail": …}``),
an unknown record, page or cursor with 404, a missing permission or second factor with 403,
and, where a login is required, 401 or 403. drf-spectacular documents only the success
answer; ``document_errors`` (a postprocessing hook) adds the rest, so clients and
schemathesis see the whole contract. It also documents that an empty optional parameter
(``?kind=``, what the pages' "全部" submits) means "no filter", and that text never holds NUL.
"""

from typing import Any

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
}
METHODS = {"get", "put", "patch", "post", "delete"}


def _response(code: str, component: str) -> dict:
    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}}
    return {"description": DESCRIPTIONS[code], "content": content}


def _needs_login(operation: dict, default_security: list) -> bool:
    security = operation.get("security", default_security)
    return bool(security) and {} not in security


def _allow_empty(parameter: dict) -> None:
    """django-filter and the paginator read an empty optional parameter as absent."""
    schema = parameter.get("schema", {})
    if parameter.get("in") != "query" or parameter.get("required") or _accepts_empty(schema):
        return
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], ""]
    else:
        parameter["schema"] = {"anyOf": [schema, EMPTY]}
    parameter["description"] = (parameter.get("description", "") + "\n\n空值表示不筛选。").strip()


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
    return result
