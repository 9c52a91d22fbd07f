from django.urls import path

from ovoz.evidence.views import vocabulary as views

prefix = "programmes/<int:programme_id>/vocabularies/"

urlpatterns = [
    path(prefix, views.vocabulary_list_view, name="vocabulary_list"),
    path(prefix + "<slug:vocabulary>/new/", views.term_create_view, name="vocabulary_term_create"),
    path(prefix + "terms/<int:pk>/", views.term_edit_view, name="vocabulary_term_edit"),
    path(prefix + "terms/<int:pk>/retire/", views.term_retire_view, name="vocabulary_term_retire"),
    path(prefix + "terms/<int:pk>/restore/", views.term_restore_view, name="vocabulary_term_restore"),
    path(prefix + "terms/<int:pk>/move/", views.term_move_view, name="vocabulary_term_move"),
    path(prefix + "terms/<int:pk>/delete/", views.term_delete_view, name="vocabulary_term_delete"),
]
