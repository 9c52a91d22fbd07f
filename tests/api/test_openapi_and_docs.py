"""The OpenAPI document and the documentation page, which must work with no Internet connection."""

import json
import re

from django.test import Client

# The foundation's operations; every app's router adds its own under its prefix.
EXPECTED = {
    "/api/v1/me": {"get"},
    "/api/v1/programmes": {"get"},
    "/api/v1/programmes/{programme_id}": {"get"},
    "/api/v1/partnerships": {"get"},
    "/api/v1/partnerships/{partnership_id}": {"get"},
    "/api/v1/programmes/{programme_id}/members": {"get", "post"},
    "/api/v1/audit": {"get"},
}


def test_the_openapi_document_is_valid_json_listing_every_path(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "Ovoz API"
    paths = {path: set(ops) for path, ops in document["paths"].items()}
    assert {p: paths.get(p) for p in EXPECTED} == EXPECTED
    prefixes = tuple(f"/api/v1/{app}" for app in APP_ROUTERS)
    assert all(p in EXPECTED or p.startswith(prefixes) for p in paths), sorted(paths)


APP_ROUTERS = ["calls", "grants", "deliverables", "events", "evidence", "participants", "sources", "incidents",
               "search", "imports", "vocabulary", "impact", "safety", "analysis", "publishing", "mechanisms",
               "advocacy"]


def test_every_operation_requires_the_bearer_token(db):
    document = Client().get("/api/v1/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert {s["type"] for s in schemes.values()} == {"http"}
    assert {s["scheme"] for s in schemes.values()} == {"bearer"}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation["security"] == [{name: []} for name in schemes], (method, path)
            assert "401" in operation["responses"], (method, path)


def test_every_operation_has_a_stable_operation_id(db):
    document = Client().get("/api/v1/openapi.json").json()
    operation_ids = [op["operationId"] for ops in document["paths"].values() for op in ops.values()]
    assert len(operation_ids) == len(set(operation_ids)), "operation ids must be unique"
    assert {"me", "programmes", "programme", "partnerships", "partnership", "members", "member_add", "audit"} <= set(
        operation_ids
    )
    # Ninja's generated ids contain the module path: every operation names itself instead.
    assert not [op for op in operation_ids if "ovoz" in op]


def test_lists_are_documented_as_pages(db):
    document = Client().get("/api/v1/openapi.json").json()
    programmes = document["paths"]["/api/v1/programmes"]["get"]
    assert {p["name"] for p in programmes["parameters"]} == {"limit", "offset"}
    page = programmes["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(document["components"]["schemas"][page]["properties"]) == {"items", "count"}


def _local_references(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


def test_the_docs_page_loads_nothing_from_outside_the_installation(db):
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn" not in html.lower()
    assert "://" not in html
    references = _local_references(html)
    assert len(references) >= 3
    assert all(ref.startswith("/static/") for ref in references)


def test_every_file_the_docs_page_needs_is_served_by_ovoz_itself(db):
    client = Client()
    html = client.get("/api/v1/docs").content.decode()
    content_types = {}
    for ref in _local_references(html):
        response = client.get(ref)
        assert response.status_code == 200, ref
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert len(body) > 100, ref
        content_types[ref.split("?")[0].rsplit("/", 1)[-1]] = response["Content-Type"]
    assert content_types["swagger-ui.css"].startswith("text/css")
    # WhiteNoise serves the files of installed apps; the test client goes through it too.
    assert "javascript" in content_types["swagger-ui-bundle.js"]
    assert "javascript" in content_types["swagger-ui-init.js"]


def test_the_docs_page_points_swagger_ui_at_the_local_schema_and_no_validator(db):
    html = Client().get("/api/v1/docs").content.decode()
    settings_json = re.search(r'<script type="application/json" id="swagger-settings">(.*?)</script>', html, re.S)
    settings = json.loads(settings_json.group(1))
    assert settings["url"] == "/api/v1/openapi.json"
    assert settings["validatorUrl"] is None
