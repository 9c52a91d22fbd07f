from django.urls import path

from ovoz.grants.views import grants, money, proposals, reports

app_name = "grants"
urlpatterns = [
    path("programmes/<int:programme_id>/grants/", grants.grant_list_view, name="list"),
    path("programmes/<int:programme_id>/grants/new/", grants.grant_create_view, name="create"),
    path("programmes/<int:programme_id>/grants/policy/", grants.policy_view, name="policy"),
    path("programmes/<int:programme_id>/money/", money.money_view, name="money"),
    path("programmes/<int:programme_id>/advocacy-proposals/", proposals.proposal_list_view, name="proposal_list"),
    path(
        "partnerships/<int:partnership_id>/advocacy-proposals/new/",
        proposals.proposal_create_view,
        name="proposal_create",
    ),
    path("grants/<int:pk>/", grants.grant_detail_view, name="detail"),
    path("grants/<int:pk>/edit/", grants.grant_edit_view, name="edit"),
    path("grants/<int:pk>/budget-lines/new/", grants.line_add_view, name="line_add"),
    path("grants/budget-lines/<int:pk>/edit/", grants.line_edit_view, name="line_edit"),
    path("grants/budget-lines/<int:pk>/delete/", grants.line_delete_view, name="line_delete"),
    path("grants/<int:pk>/tranches/new/", grants.tranche_add_view, name="tranche_add"),
    path("grants/tranches/<int:pk>/edit/", grants.tranche_edit_view, name="tranche_edit"),
    path("grants/tranches/<int:pk>/delete/", grants.tranche_delete_view, name="tranche_delete"),
    path("grants/<int:pk>/reports/new/", reports.report_create_view, name="report_create"),
    path("grants/reports/<int:pk>/", reports.report_detail_view, name="report_detail"),
    path("grants/reports/<int:pk>/edit/", reports.report_edit_view, name="report_edit"),
    path("grants/reports/<int:pk>/submit/", reports.report_submit_view, name="report_submit"),
    path("grants/reports/<int:pk>/review/", reports.report_review_view, name="report_review"),
    path("grants/reports/<int:pk>/comments/", reports.report_comment_view, name="report_comment"),
    path("grants/reports/<int:pk>/attachments/new/", reports.attachment_add_view, name="attachment_add"),
    path("grants/attachments/<int:pk>/", reports.attachment_download_view, name="attachment_download"),
    path("grants/attachments/<int:pk>/delete/", reports.attachment_delete_view, name="attachment_delete"),
    path("grants/proposals/<int:pk>/", proposals.proposal_detail_view, name="proposal_detail"),
    path("grants/proposals/<int:pk>/edit/", proposals.proposal_edit_view, name="proposal_edit"),
    path("grants/proposals/<int:pk>/submit/", proposals.proposal_submit_view, name="proposal_submit"),
    path("grants/proposals/<int:pk>/review/", proposals.proposal_review_view, name="proposal_review"),
    path("grants/proposals/<int:pk>/comments/", proposals.proposal_comment_view, name="proposal_comment"),
]
