from django.urls import path

from ovoz.deliverables.views import calendar, deliverables, programme

app_name = "deliverables"
urlpatterns = [
    # The coordinator's programme pages
    path("programmes/<int:programme_id>/timeline/", programme.programme_dashboard_view, name="programme_dashboard"),
    path("programmes/<int:programme_id>/timeline/edit/", programme.timeline_manage_view, name="timeline_manage"),
    path("timeline-items/<int:pk>/edit/", programme.timeline_item_edit_view, name="timeline_item_edit"),
    path("timeline-items/<int:pk>/delete/", programme.timeline_item_delete_view, name="timeline_item_delete"),
    path(
        "programmes/<int:programme_id>/deliverable-templates/",
        programme.template_manage_view,
        name="template_manage",
    ),
    path("deliverable-templates/<int:pk>/edit/", programme.template_edit_view, name="template_edit"),
    path("deliverable-templates/<int:pk>/delete/", programme.template_delete_view, name="template_delete"),
    # Deliverables
    path("deliverables/", deliverables.deliverable_list_view, name="list"),
    path("partnerships/<int:pk>/deliverables/", deliverables.partnership_deliverables_view, name="partnership"),
    path("deliverables/<int:pk>/", deliverables.deliverable_detail_view, name="detail"),
    path("deliverables/<int:pk>/versions/new/", deliverables.version_create_view, name="version_create"),
    path("deliverables/<int:pk>/withdraw/", deliverables.withdraw_view, name="withdraw"),
    path("deliverables/<int:pk>/review/", deliverables.review_view, name="review"),
    path("deliverables/<int:pk>/due/", deliverables.set_due_view, name="set_due"),
    path("deliverable-versions/<int:pk>/file/", deliverables.version_file_view, name="version_file"),
    # Her calendar feed
    path("calendar/", calendar.calendar_view, name="calendar"),
    path("calendar/reset/", calendar.calendar_reset_view, name="calendar_reset"),
    path("calendar/stop/", calendar.calendar_stop_view, name="calendar_stop"),
    path("calendar/<str:token>.ics", calendar.calendar_feed_view, name="calendar_feed"),
]
