import re

import pytest
from django.urls import URLResolver, get_resolver
from openapi_spec_validator import validate

from accounts.openapi import document

from .documented import assert_documented

pytestmark = pytest.mark.django_db

METHODS = ["get", "post", "put", "patch", "delete"]


def api_paths(patterns=None, prefix=""):
    """Every URL under api/ in OpenAPI's notation (<int:pk> → {pk}), from every URLconf
    included there: accounts.api_urls and those of the apps beside it."""
    paths = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if not route.startswith("api/"):
            continue
        if isinstance(entry, URLResolver):
            paths |= api_paths(entry.url_patterns, route)
        else:
            paths.add("/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route))
    return paths


def test_the_document_is_valid_openapi_3_1():
    spec = document()

    validate(spec)
    assert spec["openapi"].startswith("3.1.")


def test_the_api_serves_the_document(client):
    response = client.get("/api/openapi.json")

    assert_documented(response, "GET", "/api/openapi.json")
    assert response.json() == document()


def test_every_url_of_the_api_is_documented_and_nothing_else():
    assert api_paths() == set(document()["paths"])


@pytest.mark.parametrize("path", sorted(api_paths()))
def test_each_path_answers_exactly_the_documented_methods(client, path):
    documented = set(document()["paths"][path])
    url = re.sub(r"{\w+}", "1", path)  # Path parameters filled in: /api/things/{pk}/ → …/1/

    for method in METHODS:
        status = getattr(client, method)(url).status_code
        assert (status != 405) == (method in documented), f"{method.upper()} {path}: {status}"
