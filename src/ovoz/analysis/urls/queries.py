from django.urls import path

from ovoz.analysis.views import queries, queries_tables

urlpatterns = [
    path("analysis/queries/segments/", queries.segments, name="query_segments"),
    path("analysis/queries/segments/export/", queries.segments_export_view, name="query_export"),
    path("analysis/queries/frequencies/", queries_tables.frequencies_view, name="query_frequencies"),
    path("analysis/queries/cooccurrence/", queries_tables.cooccurrence_view, name="query_cooccurrence"),
    path("analysis/queries/matrix/", queries_tables.matrix_view, name="query_matrix"),
]
