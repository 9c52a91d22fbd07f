from django.urls import path

from ovoz.analysis.views import suggestions_review as review
from ovoz.analysis.views import suggestions_runs as runs

urlpatterns = [
    path("analysis/suggestions/", runs.index, name="suggestions"),
    path("analysis/suggestions/programme/<int:programme_id>/", runs.scope, name="suggestions_programme"),
    path("analysis/suggestions/programme/<int:programme_id>/train/", runs.train,
         name="suggestions_train_programme"),
    path("analysis/suggestions/partnership/<int:partnership_id>/", runs.scope, name="suggestions_partnership"),
    path("analysis/suggestions/partnership/<int:partnership_id>/train/", runs.train,
         name="suggestions_train_partnership"),
    path("analysis/suggestions/source/<int:pk>/", review.source_view, name="suggestions_source"),
    path("analysis/suggestions/source/<int:pk>/run/", review.source_run, name="suggestions_source_run"),
    path("analysis/suggestions/source/<int:pk>/decide/", review.source_bulk, name="suggestions_source_bulk"),
    path("analysis/suggestions/<int:pk>/accept/", review.accept, name="suggestion_accept"),
    path("analysis/suggestions/<int:pk>/reject/", review.reject, name="suggestion_reject"),
]
