from django.urls import path

from ovoz.events.views import evaluation, events, invitations, lists, materials, report

app_name = "events"
urlpatterns = [
    path("events/", events.event_index_view, name="index"),
    path("programmes/<int:programme_id>/events/", events.event_list_view, name="list"),
    path("programmes/<int:programme_id>/events/new/", events.event_create_view, name="create"),
    path("events/<int:pk>/", events.event_detail_view, name="detail"),
    path("events/<int:pk>/edit/", events.event_edit_view, name="edit"),
    path("events/<int:pk>/delete/", events.event_delete_view, name="delete"),
    path("events/<int:pk>/agenda/", lists.agenda_view, name="agenda"),
    path("events/<int:pk>/outputs/", lists.outputs_view, name="outputs"),
    path("events/<int:pk>/materials/", materials.materials_view, name="materials"),
    path("events/materials/<int:pk>/", materials.material_download_view, name="material_download"),
    path("events/materials/<int:pk>/delete/", materials.material_delete_view, name="material_delete"),
    path("events/<int:pk>/participants/", invitations.invitations_view, name="invitations"),
    path("events/<int:pk>/participants/invite/", invitations.invite_view, name="invite"),
    path("events/invitations/<int:pk>/status/", invitations.invitation_status_view, name="invitation_status"),
    path("events/invitations/<int:pk>/withdraw/", invitations.invitation_withdraw_view, name="invitation_withdraw"),
    path("events/<int:pk>/respond/", invitations.respond_view, name="respond"),
    path("events/<int:pk>/evaluation/topics/", evaluation.topics_view, name="topics"),
    path("events/<int:pk>/evaluation/state/", evaluation.evaluation_state_view, name="evaluation_state"),
    path("events/<int:pk>/evaluation/", evaluation.evaluate_view, name="evaluate"),
    path("events/<int:pk>/report/", report.report_view, name="report"),
]
