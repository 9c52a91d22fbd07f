from django.urls import path

from ovoz.safety.quick_exit import quick_exit_view
from ovoz.safety.views import contacts, register

app_name = "safety"
urlpatterns = [
    path("exit/", quick_exit_view, name="quick_exit"),
    path("partnerships/<int:pk>/safety/", register.partnership_safety_view, name="partnership"),
    path("partnerships/<int:pk>/safety/risks/new/", register.risk_create_view, name="risk_create"),
    path("safety/risks/<int:pk>/", register.risk_detail_view, name="risk_detail"),
    path("safety/risks/<int:pk>/edit/", register.risk_edit_view, name="risk_edit"),
    path("safety/risks/<int:pk>/review/", register.risk_review_view, name="risk_review"),
    path("safety/risks/<int:pk>/delete/", register.risk_delete_view, name="risk_delete"),
    path("partnerships/<int:pk>/safety/incidents/", register.incident_list_view, name="incident_list"),
    path("partnerships/<int:pk>/safety/incidents/new/", register.incident_create_view, name="incident_create"),
    path("safety/incidents/<int:pk>/", register.incident_detail_view, name="incident_detail"),
    path("safety/incidents/<int:pk>/edit/", register.incident_edit_view, name="incident_edit"),
    path("safety/incidents/<int:pk>/follow-up/", register.follow_up_view, name="follow_up"),
    path("safety/incidents/<int:pk>/delete/", register.incident_delete_view, name="incident_delete"),
    path("programmes/<int:programme_id>/safety/contacts/", contacts.contact_list_view, name="contacts"),
    path("programmes/<int:programme_id>/safety/contacts/new/", contacts.contact_create_view, name="contact_create"),
    path("safety/contacts/<int:pk>/edit/", contacts.contact_edit_view, name="contact_edit"),
    path("safety/contacts/<int:pk>/delete/", contacts.contact_delete_view, name="contact_delete"),
    path("partnerships/<int:pk>/safety/lock/", contacts.lock_view, name="lock"),
    path("partnerships/<int:pk>/safety/unlock/", contacts.unlock_view, name="unlock"),
]
