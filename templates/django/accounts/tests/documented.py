"""Checks an API response against the OpenAPI document (accounts/openapi.py)."""

from jsonschema import Draft202012Validator

from accounts.openapi import document


def assert_documented(response, method, path):
    """The response's status is documented for the operation and its body fits the schema."""
    spec = document()
    operation = spec["paths"][path][method.lower()]
    status = str(response.status_code)
    assert status in operation["responses"], f"{method} {path} answered an undocumented {status}"
    content = operation["responses"][status].get("content")
    if content is None:  # No body documented (a 204): none may come.
        assert not response.content, f"{method} {path} {status}: an undocumented body"
        return response
    media_type = response["Content-Type"].split(";")[0]
    assert media_type in content, f"{method} {path} {status}: undocumented {media_type}"
    # OpenAPI 3.1 schemas are JSON Schema 2020-12; $refs resolve against the document.
    schema = {**content[media_type]["schema"], "components": spec["components"]}
    errors = sorted(Draft202012Validator(schema).iter_errors(response.json()), key=str)
    assert not errors, f"{method} {path} {status}: {errors[0].message}"
    return response
