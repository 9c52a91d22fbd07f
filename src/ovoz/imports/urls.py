from django.urls import path

from ovoz.imports.views import instruments, jobs

app_name = "imports"
urlpatterns = [
    path("imports/", instruments.index_view, name="index"),
    path("partnerships/<int:pk>/imports/", instruments.partnership_view, name="partnership"),
    path("partnerships/<int:pk>/imports/instruments/new/", instruments.instrument_upload_view,
         name="instrument_upload"),
    path("partnerships/<int:pk>/imports/<slug:kind>/", jobs.table_import_view, name="table_import"),
    path("partnerships/<int:pk>/imports/<slug:kind>/template.<slug:fmt>", jobs.table_template_view,
         name="table_template"),
    path("imports/instruments/<int:pk>/", instruments.instrument_detail_view, name="instrument_detail"),
    path("imports/instruments/<int:pk>/import/", instruments.submissions_import_view, name="submissions_import"),
    path("imports/instruments/<int:pk>/mappings/new/", instruments.mapping_create_view, name="mapping_create"),
    path("imports/versions/<int:pk>/xlsform/", instruments.version_download_view, name="version_download"),
    path("imports/mappings/<int:pk>/", instruments.mapping_edit_view, name="mapping_edit"),
    path("imports/mappings/<int:pk>/json/", instruments.mapping_download_view, name="mapping_download"),
    path("imports/jobs/<int:pk>/", jobs.job_detail_view, name="job_detail"),
    path("imports/jobs/<int:pk>/progress/", jobs.job_progress_view, name="job_progress"),
    path("imports/jobs/<int:pk>/run/", jobs.job_run_view, name="job_run"),
]
