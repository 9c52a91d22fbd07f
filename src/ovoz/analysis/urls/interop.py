"""REFI-QDA (.qdpx, .qdc) and Taguette interop pages (names ``analysis:interop_*``)."""

from django.urls import path

from ovoz.analysis.views import interop

urlpatterns = [
    path("analysis/interop/", interop.interop_index, name="interop_index"),
    path("analysis/interop/partnerships/<int:pk>/export.qdpx", interop.export_partnership,
         name="interop_export_partnership"),
    path("analysis/interop/programmes/<int:pk>/export.qdpx", interop.export_programme,
         name="interop_export_programme"),
    path("analysis/interop/programmes/<int:pk>/codebook.qdc", interop.export_codebook,
         name="interop_export_codebook"),
    path("analysis/interop/partnerships/<int:pk>/import/", interop.import_partnership,
         name="interop_import_partnership"),
    path("analysis/interop/partnerships/<int:pk>/import/confirm/", interop.confirm_partnership,
         name="interop_confirm_partnership"),
    path("analysis/interop/programmes/<int:pk>/import/", interop.import_programme,
         name="interop_import_programme"),
    path("analysis/interop/programmes/<int:pk>/import/confirm/", interop.confirm_programme,
         name="interop_confirm_programme"),
]
