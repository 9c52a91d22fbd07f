"""The codebook and memo pages (names ``analysis:codebook``, ``analysis:code_*``, ``analysis:memo_*``)."""

from django.urls import path

from ovoz.analysis.views import codebook, codebook_changes, codebook_print, memos

urlpatterns = [
    path("programmes/<int:programme_id>/codebook/", codebook.codebook_view, name="codebook"),
    path("programmes/<int:programme_id>/codebook/new/", codebook.code_create_view, name="code_create"),
    path("programmes/<int:programme_id>/codebook/print.<str:fmt>", codebook_print.codebook_print_view,
         name="codebook_print"),
    path("programmes/<int:programme_id>/codebook/seed/", codebook_changes.codebook_seed_view, name="codebook_seed"),
    path("analysis/codes/<int:pk>/", codebook.code_detail_view, name="code_detail"),
    path("analysis/codes/<int:pk>/edit/", codebook.code_edit_view, name="code_edit"),
    path("analysis/codes/<int:pk>/move/", codebook_changes.code_move_view, name="code_move"),
    path("analysis/codes/<int:pk>/merge/", codebook_changes.code_merge_view, name="code_merge"),
    path("analysis/codes/<int:pk>/split/", codebook_changes.code_split_view, name="code_split"),
    path("analysis/codes/<int:pk>/retire/", codebook_changes.code_retire_view, name="code_retire"),
    path("analysis/codes/<int:pk>/restore/", codebook_changes.code_restore_view, name="code_restore"),
    path("analysis/codes/<int:pk>/delete/", codebook_changes.code_delete_view, name="code_delete"),
    path("programmes/<int:programme_id>/memos/", memos.memo_list_view, name="memo_list"),
    path("analysis/memos/new/", memos.memo_create_view, name="memo_create"),
    path("analysis/memos/<int:pk>/edit/", memos.memo_edit_view, name="memo_edit"),
    path("analysis/memos/<int:pk>/delete/", memos.memo_delete_view, name="memo_delete"),
]
