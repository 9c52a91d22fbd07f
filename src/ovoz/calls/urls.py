from django.urls import path

from ovoz.calls.views import manage, public, review, selection

app_name = "calls"
urlpatterns = [
    # The public: open calls, a call's page and its form; the invitation link of a selected person.
    path("calls/", public.public_list_view, name="public_list"),
    path("calls/<int:pk>/", public.public_detail_view, name="public_detail"),
    path("calls/<int:pk>/apply/", public.apply_view, name="apply"),
    path("calls/<int:pk>/apply/thanks/", public.applied_view, name="applied"),
    path("calls/invitations/<uidb64>/<token>/", public.invitation_view, name="invitation"),
    # The coordinator.
    path("programmes/<int:programme_id>/calls/", manage.call_list_view, name="list"),
    path("programmes/<int:programme_id>/calls/new/", manage.call_create_view, name="create"),
    path("calls/<int:pk>/manage/", manage.call_detail_view, name="detail"),
    path("calls/<int:pk>/manage/edit/", manage.call_edit_view, name="edit"),
    path("calls/<int:pk>/manage/criteria/", manage.criteria_view, name="criteria"),
    path("calls/<int:pk>/manage/state/", manage.call_state_view, name="state"),
    path("calls/<int:pk>/manage/reviewers/", manage.reviewers_view, name="reviewers"),
    path(
        "calls/<int:pk>/manage/reviewers/<int:user_id>/remove/", manage.reviewer_remove_view, name="reviewer_remove"
    ),
    path("calls/<int:pk>/manage/applications/", manage.applications_view, name="applications"),
    path("calls/<int:pk>/manage/ranking/", selection.ranking_view, name="ranking"),
    path("calls/<int:pk>/manage/selection/", selection.selection_view, name="selection"),
    path("calls/<int:pk>/manage/announce/", selection.announce_view, name="announce"),
    path("calls/applications/<int:pk>/", manage.application_detail_view, name="application"),
    path("calls/applications/<int:pk>/invite/", selection.invitation_resend_view, name="invitation_resend"),
    # Reviewers.
    path("calls/<int:pk>/reviews/", review.review_list_view, name="review_list"),
    path("calls/applications/<int:pk>/review/", review.review_view, name="review"),
]
