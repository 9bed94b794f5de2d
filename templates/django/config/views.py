from django.http import JsonResponse
from django.views import csrf


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
