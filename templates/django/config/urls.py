from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

admin.site.site_header = f"{settings.SITE_NAME} administration"
admin.site.site_title = settings.SITE_NAME

# Django's 400 page, after reading an oversized body to its end (see config/views.py).
handler400 = "config.views.bad_request"
# Django's 404 page, or a JSON answer for a URL under /api/ (see config/views.py).
handler404 = "config.views.page_not_found"

urlpatterns = [
    path("", TemplateView.as_view(template_name="home.html"), name="home"),
    path("accounts/", include("accounts.urls")),
    path("api/", include("accounts.api_urls")),
    path("admin/", admin.site.urls),
]
