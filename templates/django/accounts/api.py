"""A small JSON API over the logged-in user's own data, authenticated by the session.

Plain Django views: a browser front end on the same site needs nothing more than
the session cookie and the CSRF token it already has. See the README for when to
reach for Django REST framework instead.
"""

import json
from functools import wraps

from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

from .forms import ProfileForm


def api_login_required(view):
    """Like ``login_required``, but answers 401 JSON instead of redirecting to a page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"error": "Authentication required."}, status=401)
        return view(request, *args, **kwargs)

    return wrapper


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
        try:
            changes = json.loads(request.body)
        except (UnicodeDecodeError, json.JSONDecodeError):
            return JsonResponse({"error": "The body must be a JSON object."}, status=400)
        if not isinstance(changes, dict):
            return JsonResponse({"error": "The body must be a JSON object."}, status=400)
        form = ProfileForm({"name": request.user.name, **changes}, instance=request.user)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        form.save()
    return JsonResponse(user_data(request.user))
