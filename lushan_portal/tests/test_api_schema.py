"""/api/schema/ describes the API in Chinese, and its examples have the answers' real shape.

The walks below cover whatever is registered: a new endpoint, parameter or field without a
Chinese description fails here, listed by name.
"""

import json
import re
from datetime import datetime
from urllib.parse import urlparse

import jsonschema
import pytest
from schemathesis.specs.openapi.converter import to_json_schema

from lushan_portal.api_info import ENDPOINT_TAGS
from lushan_portal.masking import find_personal_data
from lushan_portal.urls import router

CJK = re.compile(r"[\u4e00-\u9fff]")
METHODS = {"get", "post", "put", "patch", "delete"}
CHOICE_LINE = re.compile(r"^\* `[^`]*` - ")
SHARED_NOTE = "空值表示不筛选。"  # added to every optional parameter by api_schema: not a description


def own_words(description: str | None) -> str:
    """A description without the generated list of choices and the shared note."""
    lines = [line for line in (description or "").splitlines() if not CHOICE_LINE.match(line)]
    return "\n".join(lines).replace(SHARED_NOTE, "")


def chinese(text: str | None) -> bool:
    return bool(CJK.search(own_words(text)))


@pytest.fixture(scope="module")
def schema(django_db_blocker) -> dict:
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/schema/?format=json")
    assert response.status_code == 200
    return json.loads(response.content)


def operations(schema: dict):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield f"{method.upper()} {path}", operation


def test_every_operation_parameter_and_answer_is_described_in_chinese(schema):
    missing = []
    for name, operation in operations(schema):
        missing += [f"{name}: {key}" for key in ("summary", "description") if not chinese(operation.get(key))]
        for parameter in operation.get("parameters", []):
            if not chinese(parameter.get("description")):
                missing.append(f"{name}: parameter {parameter['name']} ({parameter.get('description')!r})")
        for code, response in operation["responses"].items():
            if not chinese(response.get("description")):
                missing.append(f"{name}: answer {code}")
    assert not missing, "\n".join(missing)


def test_every_field_of_every_answer_and_request_is_described_in_chinese(schema):
    missing = []
    for component, body in schema["components"]["schemas"].items():
        if "enum" in body and not CJK.search(body.get("description", "")) and body.get("type"):
            missing.append(f"{component}: choices without Chinese labels")
        for field, definition in body.get("properties", {}).items():
            if not chinese(definition.get("description")):
                missing.append(f"{component}.{field}")
    assert not missing, "\n".join(missing)


def test_every_endpoint_is_in_a_chinese_group_in_the_guides_order(schema):
    groups = {tag["name"]: tag["description"] for tag in schema["tags"]}
    assert [tag["name"] for tag in schema["tags"]] == [name for name, _ in ENDPOINT_TAGS.values()]
    assert all(CJK.search(name) and CJK.search(text) for name, text in groups.items())
    for name, operation in operations(schema):
        assert operation["tags"][0] in groups, name
    registered = {prefix for prefix, _viewset, _basename in router.registry}
    assert registered == set(ENDPOINT_TAGS), "each router prefix needs a Chinese group in api_info"


def test_the_title_and_description_are_chinese_and_state_licence_rates_and_login(schema, settings):
    info = schema["info"]
    assert info["title"] == "鲁山县政务公开平台数据接口"
    assert settings.API_DATA_LICENCE in info["description"]
    assert "每分钟最多 120 次" in info["description"]
    assert "每分钟最多 600 次" in info["description"]
    assert "双因素" in info["description"]
    assert "工作人员" in schema["components"]["securitySchemes"]["cookieAuth"]["description"]


def test_a_throttled_answer_is_documented_for_every_operation(schema):
    undocumented = [name for name, operation in operations(schema) if "429" not in operation["responses"]]
    assert undocumented == []


FORMATS = jsonschema.FormatChecker()
# jsonschema checks neither without extra packages; the answers' "uri" and "date-time" must hold.
FORMATS.checks("uri")(lambda value: not isinstance(value, str) or bool(urlparse(value).scheme))
FORMATS.checks("date-time", raises=ValueError)(
    lambda value: not isinstance(value, str) or datetime.fromisoformat(value)
)


def strict_validator(schema: dict, target: dict) -> jsonschema.Draft7Validator:
    """The answer's schema as JSON Schema, where every object has exactly the fields listed."""
    converted = {}
    for name, component in schema["components"]["schemas"].items():
        component = to_json_schema(component, nullable_keyword="nullable", is_response_schema=True)
        if "properties" in component:
            component = {**component, "required": list(component["properties"]), "additionalProperties": False}
        converted[name] = component
    root = to_json_schema(target, nullable_keyword="nullable", is_response_schema=True)
    return jsonschema.Draft7Validator({**root, "components": {"schemas": converted}}, format_checker=FORMATS)


def detail_examples(schema: dict) -> dict[str, object]:
    found = {}
    for path, item in schema["paths"].items():
        content = item.get("get", {}).get("responses", {}).get("200", {}).get("content", {})
        if path.endswith("}/") and "application/json" in content:
            examples = content["application/json"].get("examples", {})
            found[path] = (content["application/json"]["schema"], [e["value"] for e in examples.values()])
    return found


def test_every_record_has_an_example_with_exactly_the_answers_fields(schema):
    examples = detail_examples(schema)
    assert {path.split("/")[2] for path in examples} == set(ENDPOINT_TAGS)
    for path, (answer, values) in examples.items():
        assert values, f"{path} has no example"
        for value in values:
            errors = [
                f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in strict_validator(schema, answer).iter_errors(value)
            ]
            assert not errors, f"{path}:\n" + "\n".join(errors)


def strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_examples_show_no_personal_data(schema):
    found = []
    for path, (_answer, values) in detail_examples(schema).items():
        found += [(path, text) for text in strings(values) if find_personal_data(text)]
    for _name, operation in operations(schema):
        for example in (
            operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("examples", {}).values()
        ):
            found += [(_name, text) for text in strings(example["value"]) if find_personal_data(text)]
    assert found == []
