from django.urls import include, path
from django.views.i18n import set_language

from ovoz.api.api import api
from ovoz.web.views import health_view

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("health", health_view, name="health"),
    path("", include("ovoz.web.urls")),
    path("", include("ovoz.accounts.urls")),
    path("", include("ovoz.programmes.urls")),
    path("", include("ovoz.audit.urls")),
    path("", include("ovoz.calls.urls")),
    path("", include("ovoz.grants.urls")),
    path("", include("ovoz.deliverables.urls")),
    path("", include("ovoz.events.urls")),
    path("", include("ovoz.evidence.urls")),
    path("", include("ovoz.search.urls")),
    path("", include("ovoz.imports.urls")),
    path("", include("ovoz.impact.urls")),
    path("", include("ovoz.safety.urls")),
    path("", include("ovoz.analysis.urls")),
    path("", include("ovoz.publishing.urls")),
    path("", include("ovoz.mechanisms.urls")),
    path("", include("ovoz.advocacy.urls")),
    path("api/v1/", api.urls),
]
