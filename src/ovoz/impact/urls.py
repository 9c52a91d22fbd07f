from django.urls import path

from ovoz.impact.views import outcomes, programme, rounds, stories

app_name = "impact"
urlpatterns = [
    path("programmes/<int:programme_id>/impact/", programme.programme_impact_view, name="programme"),
    path("programmes/<int:programme_id>/impact/report/", programme.report_view, name="report"),
    path("programmes/<int:programme_id>/impact/stories/", stories.story_list_view, name="story_list"),
    path("partnerships/<int:pk>/stories/new/", stories.story_create_view, name="story_create"),
    path("impact/stories/<int:pk>/", stories.story_detail_view, name="story_detail"),
    path("impact/stories/<int:pk>/edit/", stories.story_edit_view, name="story_edit"),
    path("impact/stories/<int:pk>/delete/", stories.story_delete_view, name="story_delete"),
    path("impact/stories/<int:pk>/feedback/", stories.feedback_view, name="story_feedback"),
    path("programmes/<int:programme_id>/impact/rounds/", rounds.round_list_view, name="round_list"),
    path("programmes/<int:programme_id>/impact/rounds/new/", rounds.round_create_view, name="round_create"),
    path("impact/rounds/<int:pk>/", rounds.round_detail_view, name="round_detail"),
    path("impact/rounds/<int:pk>/edit/", rounds.round_edit_view, name="round_edit"),
    path("impact/rounds/<int:pk>/delete/", rounds.round_delete_view, name="round_delete"),
    path("impact/rounds/<int:pk>/choose/", rounds.selection_add_view, name="selection_add"),
    path("impact/selections/<int:pk>/remove/", rounds.selection_remove_view, name="selection_remove"),
    path("programmes/<int:programme_id>/impact/outcomes/", outcomes.outcome_list_view, name="outcome_list"),
    path("programmes/<int:programme_id>/impact/outcomes/new/", outcomes.outcome_create_view, name="outcome_create"),
    path("impact/outcomes/<int:pk>/", outcomes.outcome_detail_view, name="outcome_detail"),
    path("impact/outcomes/<int:pk>/edit/", outcomes.outcome_edit_view, name="outcome_edit"),
    path("impact/outcomes/<int:pk>/delete/", outcomes.outcome_delete_view, name="outcome_delete"),
    path("programmes/<int:programme_id>/impact/reflections/", outcomes.reflection_list_view, name="reflection_list"),
    path("programmes/<int:programme_id>/impact/reflections/new/", outcomes.reflection_create_view,
         name="reflection_create"),
    path("impact/reflections/<int:pk>/edit/", outcomes.reflection_edit_view, name="reflection_edit"),
    path("impact/reflections/<int:pk>/delete/", outcomes.reflection_delete_view, name="reflection_delete"),
]
