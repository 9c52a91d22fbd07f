from django.urls import path

from ovoz.publishing.views import findings, gate, public, publications

app_name = "publishing"
urlpatterns = [
    # Findings.
    path("programmes/<int:programme_id>/findings/", findings.finding_list, name="finding_list"),
    path("programmes/<int:programme_id>/findings/compare/", findings.finding_compare, name="finding_compare"),
    path("programmes/<int:programme_id>/findings/new/", findings.finding_create_view, name="finding_create"),
    path("findings/<int:pk>/", findings.finding_detail, name="finding_detail"),
    path("findings/<int:pk>/edit/", findings.finding_edit_view, name="finding_edit"),
    path("findings/<int:pk>/delete/", findings.finding_delete_view, name="finding_delete"),
    path("findings/<int:pk>/link/", findings.finding_link_view, name="finding_link"),
    path("findings/links/<int:pk>/remove/", findings.finding_unlink_view, name="finding_unlink"),
    # Publications and their editor.
    path("programmes/<int:programme_id>/publications/", publications.publication_list, name="list"),
    path("programmes/<int:programme_id>/publications/new/", publications.publication_create_view, name="create"),
    path("publications/<int:pk>/", publications.editor, name="editor"),
    path("publications/<int:pk>/edit/", publications.publication_edit_view, name="edit"),
    path("publications/<int:pk>/gather/", publications.synthesis_gather_view, name="synthesis_gather"),
    path("publications/<int:pk>/sections/add/", publications.section_add_view, name="section_add"),
    path("publications/sections/<int:pk>/edit/", publications.section_edit_view, name="section_edit"),
    path("publications/sections/<int:pk>/quotes/", publications.quote_picker, name="quote_picker"),
    path("publications/sections/<int:pk>/add/<slug:kind>/", publications.block_add_view, name="block_add"),
    path("publications/blocks/<int:pk>/edit/", publications.block_edit_view, name="block_edit"),
    path("publications/blocks/<int:pk>/remove/", publications.block_remove_view, name="block_remove"),
    path("publications/blocks/<int:pk>/move/", publications.block_move_view, name="block_move"),
    # The gate, the workflow, downloads.
    path("publications/<int:pk>/gate/", gate.gate_view, name="gate"),
    path("publications/<int:pk>/gate/override/", gate.override_view, name="override"),
    path("publications/overrides/<int:pk>/remove/", gate.override_remove_view, name="override_remove"),
    path("publications/<int:pk>/workflow/", gate.workflow_view, name="workflow"),
    path("publications/<int:pk>/download/<slug:fmt>/", gate.download_view, name="download"),
    path("publications/versions/<int:pk>/withdraw/", gate.version_withdraw_view, name="version_withdraw"),
    # The public page.
    path("public/publications/", public.public_list, name="public_list"),
    path("public/publications/<slug:slug>/", public.public_detail, name="public_detail"),
    path("public/publications/<slug:slug>/<slug:fmt>/<slug:language>/", public.public_download,
         name="public_download"),
]
