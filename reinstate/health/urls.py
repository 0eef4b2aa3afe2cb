"""The one map of the health pages; each page's view is in health/views/<feature>.py."""

from django.urls import path

from reinstate.health.views import app_standing, blocks, documents, imports, standing, targets

app_name = "health"
urlpatterns = [
    path("", standing.overview, name="overview"),
    path("blocks/", blocks.block_list, name="blocks"),
    path("blocks/new/", blocks.block_new, name="block_new"),
    path("blocks/<int:block_id>/delete/", blocks.block_delete, name="block_delete"),
    path("import/", imports.import_new, name="import_new"),
    path("import/<int:import_id>/", imports.import_detail, name="import_detail"),
    path("levels/", standing.watch_levels, name="levels"),
    path("targets/", targets.targets, name="targets"),
    path("targets/<int:target_id>/delete/", targets.target_delete, name="target_delete"),
    path("plan/<int:case_id>/", targets.plan_targets, name="plan"),
    path("documents/", documents.documents, name="documents"),
    path("documents/<int:document_id>/renew/", documents.document_renew, name="document_renew"),
    path("documents/<int:document_id>/delete/", documents.document_delete, name="document_delete"),
    # The app's standing screen (a tier and its measures) before any single measure's form.
    path("measures/<str:platform>/standing/", app_standing.standing_record, name="standing_new"),
    path(
        "measures/<str:platform>/standing/history/",
        app_standing.standing_history_page,
        name="standing_history",
    ),
    path(
        "measures/<str:platform>/standing/<int:reading_id>/delete/",
        app_standing.standing_delete,
        name="standing_delete",
    ),
    path("measures/<str:platform>/<str:metric>/", standing.reading_new, name="reading_new"),
    path("payment-change/", documents.payment_change, name="payment_change"),
    path("alerts/<int:alert_id>/dismiss/", standing.alert_dismiss, name="alert_dismiss"),
    path("checkin/", standing.checkin, name="checkin"),
]
