from django.urls import path

from ovoz.evidence.views import sources as views

urlpatterns = [
    path("partnerships/<int:pk>/sources/", views.source_list_view, name="source_list"),
    path("partnerships/<int:pk>/sources/new/", views.source_create_view, name="source_create"),
    path("sources/<int:pk>/", views.source_detail_view, name="source_detail"),
    path("sources/<int:pk>/edit/", views.source_edit_view, name="source_edit"),
    path("sources/<int:pk>/delete/", views.source_delete_view, name="source_delete"),
    path("sources/<int:pk>/attachments/", views.attachment_add_view, name="attachment_add"),
    path("attachments/<int:pk>/", views.attachment_download_view, name="attachment_download"),
    path("attachments/<int:pk>/delete/", views.attachment_delete_view, name="attachment_delete"),
]
