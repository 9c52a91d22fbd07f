"""Participants and their consent (names ``evidence:participant_*`` and ``evidence:consent_*``)."""

from django.urls import path

from ovoz.evidence.views import participants as views

urlpatterns = [
    path("partnerships/<int:pk>/participants/", views.participant_list_view, name="participant_list"),
    path("partnerships/<int:pk>/participants/new/", views.participant_create_view, name="participant_create"),
    path("partnerships/<int:pk>/participants/export/", views.participant_export_view, name="participant_export"),
    path("participants/<int:pk>/", views.participant_detail_view, name="participant_detail"),
    path("participants/<int:pk>/edit/", views.participant_edit_view, name="participant_edit"),
    path("participants/<int:pk>/identity/", views.participant_identity_view, name="participant_identity"),
    path("participants/<int:pk>/consent/", views.consent_record_view, name="consent_record"),
    path("participants/<int:pk>/consent/withdraw/", views.consent_withdraw_view, name="consent_withdraw"),
    path("participants/<int:pk>/consent/summary/", views.consent_summary_view, name="consent_summary"),
    path("consents/<int:pk>/form/", views.consent_form_view, name="consent_form"),
]
