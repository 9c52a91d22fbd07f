"""The analysis pages, one module per area so that each stays small."""

from ovoz.analysis.urls import agreement, codebook, coding, home, interop, queries, sessions, suggestions

app_name = "analysis"
urlpatterns = [
    *home.urlpatterns,
    *codebook.urlpatterns,
    *coding.urlpatterns,
    *queries.urlpatterns,
    *agreement.urlpatterns,
    *interop.urlpatterns,
    *sessions.urlpatterns,
    *suggestions.urlpatterns,
]
