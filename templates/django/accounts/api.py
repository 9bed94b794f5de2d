"""A small JSON API over the logged-in user's own data, authenticated by the session.

Plain Django views: a browser front end on the same site needs nothing more than
the session cookie and the CSRF token it already has. See the README for when to
reach for Django REST framework instead. ``openapi.py`` describes every route here,
and the tests hold the two together.
"""

import json
from functools import wraps

from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_http_methods

from config.views import discard_body

from . import openapi
from .forms import ProfileForm

# A profile change is a few hundred bytes; refuse bodies far beyond that unread.
MAX_BODY_BYTES = 16 * 1024


def error(message, status):
    return JsonResponse({"error": message}, status=status)


def api_login_required(view):
    """Like ``login_required``, but answers 401 JSON instead of redirecting to a page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return error("Authentication required.", 401)
        return view(request, *args, **kwargs)

    return wrapper


def json_object(request, max_bytes=MAX_BODY_BYTES):
    """The request's JSON object body of at most max_bytes, or the error response to answer."""
    if request.content_type != "application/json":
        return None, error("The body must be JSON (Content-Type: application/json).", 415)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > max_bytes:
        discard_body(request)  # Unparsed, but read: the client gets the 413, not a reset.
        return None, error(f"The body must be at most {max_bytes} bytes.", 413)
    try:
        body = json.loads(request.body)
        json.dumps(body, ensure_ascii=False).encode()  # No lone surrogates ("\ud800").
    except (UnicodeError, ValueError):
        return None, error("The body must be a JSON object.", 400)
    if not isinstance(body, dict):
        return None, error("The body must be a JSON object.", 400)
    return body, None


def user_data(user):
    return {
        "id": user.pk,
        "email": user.email,
        "name": user.name,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


@require_http_methods(["GET", "PATCH"])
@api_login_required
def me(request):
    """GET: the logged-in user. PATCH {"name": ...}: change it (needs the X-CSRFToken header)."""
    if request.method == "PATCH":
        changes, refusal = json_object(request)
        if refusal:
            return refusal
        if not isinstance(changes.get("name", ""), str):
            return JsonResponse(
                {"errors": {"name": [{"message": "Must be a string.", "code": "invalid"}]}},
                status=400,
            )
        form = ProfileForm({"name": changes.get("name", request.user.name)}, instance=request.user)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        form.save()
    return JsonResponse(user_data(request.user))


@require_GET
def openapi_document(request):
    """The OpenAPI 3.1 description of this API."""
    return JsonResponse(openapi.document())
