from django.conf import settings


def site(request):
    """The site's name, for the page title and header of every template."""
    return {"site_name": settings.SITE_NAME}
