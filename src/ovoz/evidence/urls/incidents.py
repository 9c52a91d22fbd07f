from django.urls import path

from ovoz.evidence.views import incidents as views

urlpatterns = [
    path("partnerships/<int:pk>/incidents/", views.incident_list_view, name="incident_list"),
    path("partnerships/<int:pk>/incidents/new/", views.incident_create_view, name="incident_create"),
    path("incidents/<int:pk>/", views.incident_detail_view, name="incident_detail"),
    path("incidents/<int:pk>/edit/", views.incident_edit_view, name="incident_edit"),
    path("incidents/<int:pk>/delete/", views.incident_delete_view, name="incident_delete"),
    path("incidents/<int:pk>/employer/", views.incident_employer_view, name="incident_employer"),
    path("incident-sources/<int:pk>/remove/", views.incident_link_remove_view, name="incident_link_remove"),
]
