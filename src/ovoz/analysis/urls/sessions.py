"""Participatory sessions (names ``analysis:session_*`` and ``analysis:excerpt_*``)."""

from django.urls import path

from ovoz.analysis.views import sessions, sessions_room

urlpatterns = [
    path("analysis/sessions/", sessions.session_list_view, name="session_list"),
    path("partnerships/<int:pk>/analysis/sessions/new/", sessions.session_create_view, name="session_create"),
    path("analysis/sessions/<int:pk>/", sessions.session_prepare_view, name="session_prepare"),
    path("analysis/sessions/<int:pk>/edit/", sessions.session_edit_view, name="session_edit"),
    path("analysis/sessions/<int:pk>/status/", sessions.session_status_view, name="session_status"),
    path("analysis/sessions/<int:pk>/excerpts/", sessions.excerpt_add_view, name="excerpt_add"),
    path("analysis/excerpts/<int:pk>/", sessions.excerpt_edit_view, name="excerpt_edit"),
    path("analysis/excerpts/<int:pk>/move/", sessions.excerpt_move_view, name="excerpt_move"),
    path("analysis/excerpts/<int:pk>/remove/", sessions.excerpt_remove_view, name="excerpt_remove"),
    path("analysis/sessions/<int:pk>/room/", sessions_room.session_room_view, name="session_room"),
    path("analysis/sessions/<int:pk>/room/memos/", sessions_room.session_room_memo_view, name="session_room_memo"),
]
