"""Evidence URLs, one module per noun so each can grow on its own."""

from django.urls import include, path

app_name = "evidence"

urlpatterns = [
    path("", include("ovoz.evidence.urls.participants")),
    path("", include("ovoz.evidence.urls.sources")),
    path("", include("ovoz.evidence.urls.incidents")),
    path("", include("ovoz.evidence.urls.vocabulary")),
]
