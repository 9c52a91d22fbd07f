from django.urls import path

from ovoz.analysis.views import coding, coding_edit

urlpatterns = [
    path("analysis/sources/<int:pk>/coding/", coding.coding_page, name="coding"),
    path("analysis/sources/<int:pk>/coding/apply/", coding.coding_apply, name="coding_apply"),
    path("analysis/sources/<int:pk>/coding/stretch/<str:ids>/", coding_edit.coding_panel, name="coding_panel"),
    path("analysis/codings/<int:pk>/change/", coding_edit.coding_change_view, name="coding_change"),
    path("analysis/codings/<int:pk>/remove/", coding_edit.coding_remove_view, name="coding_remove"),
]
