"""The OpenAPI 3.1 document of the JSON API, served at /api/openapi.json.

Written by hand next to the views it describes: accounts/tests/test_openapi.py checks
that every route and method of the API is here, that the document is valid OpenAPI
3.1, and that the API's answers in the tests match the schemas below.
"""

from django.conf import settings


def _json(schema_name, description):
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        },
    }


def _error(description):
    return _json("Error", description)


USER = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "email": {"type": "string", "format": "email"},
        "name": {"type": "string", "maxLength": 150},
        "date_joined": {"type": "string", "format": "date-time"},
        "last_login": {"type": ["string", "null"], "format": "date-time"},
    },
    "required": ["id", "email", "name", "date_joined", "last_login"],
    "additionalProperties": False,
}

ERROR = {
    "type": "object",
    "properties": {
        "error": {"type": "string"},
        "reason": {"type": "string", "description": "Why the CSRF check failed."},
    },
    "required": ["error"],
    "additionalProperties": False,
}

VALIDATION_ERRORS = {
    "type": "object",
    "properties": {
        "errors": {
            "type": "object",
            "description": "Field name → its errors (Django's Form.errors.get_json_data()).",
            "additionalProperties": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"message": {"type": "string"}, "code": {"type": "string"}},
                    "required": ["message", "code"],
                },
            },
        }
    },
    "required": ["errors"],
    "additionalProperties": False,
}

PROFILE_CHANGE = {
    "type": "object",
    "properties": {"name": {"type": "string", "maxLength": 150}},
    "description": "Fields other than name (the email address, say) are ignored.",
}


def document():
    unauthenticated = _error("Not logged in.")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.SITE_NAME} API",
            "version": "1.0.0",
            "description": (
                "The logged-in user's own data. Authentication is the session cookie "
                "set by logging in at /accounts/login/; unsafe methods also need the "
                "csrftoken cookie's value in the X-CSRFToken header."
            ),
        },
        "paths": {
            "/api/me/": {
                "get": {
                    "operationId": "getMe",
                    "summary": "The logged-in user",
                    "security": [{"session": []}],
                    "responses": {
                        "200": _json("User", "The logged-in user."),
                        "401": unauthenticated,
                    },
                },
                "patch": {
                    "operationId": "updateMe",
                    "summary": "Change the logged-in user's name",
                    "security": [{"session": [], "csrfToken": []}],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ProfileChange"}
                            }
                        },
                    },
                    "responses": {
                        "200": _json("User", "The user, changed."),
                        "400": {
                            "description": "Not a JSON object, or a field is invalid.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "anyOf": [
                                            {"$ref": "#/components/schemas/Error"},
                                            {"$ref": "#/components/schemas/ValidationErrors"},
                                        ]
                                    }
                                }
                            },
                        },
                        "401": unauthenticated,
                        "403": _error("The CSRF check failed."),
                        "413": _error("The body is too large."),
                        "415": _error("The body is not application/json."),
                    },
                },
            },
            "/api/openapi.json": {
                "get": {
                    "operationId": "getOpenApiDocument",
                    "summary": "This document",
                    "security": [],
                    "responses": {
                        "200": {
                            "description": "The OpenAPI 3.1 document.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "User": USER,
                "ProfileChange": PROFILE_CHANGE,
                "Error": ERROR,
                "ValidationErrors": VALIDATION_ERRORS,
            },
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME},
                "csrfToken": {"type": "apiKey", "in": "header", "name": "X-CSRFToken"},
            },
        },
    }
