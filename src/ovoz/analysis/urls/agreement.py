from django.urls import path

from ovoz.analysis.views import agreement, agreement_compare

urlpatterns = [
    path("analysis/agreement/", agreement.round_index, name="agreement_index"),
    path("analysis/partnerships/<int:pk>/agreement/", agreement.round_list, name="agreement_rounds"),
    path("analysis/partnerships/<int:pk>/agreement/start/", agreement.round_start, name="agreement_start"),
    path("analysis/agreement/<int:pk>/", agreement.round_detail, name="agreement_detail"),
    path("analysis/agreement/<int:pk>/finish/", agreement.round_finish, name="agreement_finish"),
    path("analysis/agreement/<int:pk>/cancel/", agreement.round_cancel, name="agreement_cancel"),
    path("analysis/agreement/<int:pk>/disagreements/", agreement_compare.disagreements,
         name="agreement_disagreements"),
    path("analysis/agreement/<int:pk>/reconcile/", agreement_compare.reconcile, name="agreement_reconcile"),
]
