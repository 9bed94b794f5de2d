from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.views import csrf, defaults

# A refused body is still read to its end, up to this size, before the answer goes out:
# a client that is still sending would otherwise see its connection reset instead of
# the 4xx (gunicorn reads at most 64 KB of a body the application left unread).
DISCARD_MAX_BYTES = 16 * 1024 * 1024


def discard_body(request):
    """Reads and drops what is left of the request body (bodies up to DISCARD_MAX_BYTES)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return
    if length <= DISCARD_MAX_BYTES:
        while request.read(64 * 1024):
            pass


def bad_request(request, exception):
    """handler400: Django's page, after reading a body too large to parse (over
    DATA_UPLOAD_MAX_MEMORY_SIZE) to its end."""
    if isinstance(exception, RequestDataTooBig):
        discard_body(request)
    return defaults.bad_request(request, exception)


def page_not_found(request, exception):
    """handler404: JSON under the JSON API (/api/), the site's own page everywhere else."""
    if request.path_info.startswith("/api/"):
        return JsonResponse({"error": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: JSON for the JSON API, Django's own page for everything else."""
    if request.path_info.startswith("/api/"):
        return JsonResponse(
            {
                "error": "CSRF verification failed. Send the csrftoken cookie's value "
                "in the X-CSRFToken header.",
                "reason": reason,
            },
            status=403,
        )
    return csrf.csrf_failure(request, reason=reason)
