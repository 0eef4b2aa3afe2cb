from django.urls import path

from reinstate.health import views

app_name = "health"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("blocks/", views.block_list, name="blocks"),
    path("blocks/new/", views.block_new, name="block_new"),
    path("blocks/<int:block_id>/delete/", views.block_delete, name="block_delete"),
    path("import/", views.import_new, name="import_new"),
    path("import/<int:import_id>/", views.import_detail, name="import_detail"),
    path("levels/", views.watch_levels, name="levels"),
    path("targets/", views.targets, name="targets"),
    path("targets/<int:target_id>/delete/", views.target_delete, name="target_delete"),
    path("plan/<int:case_id>/", views.plan_targets, name="plan"),
    path("documents/", views.documents, name="documents"),
    path("documents/<int:document_id>/renew/", views.document_renew, name="document_renew"),
    path("documents/<int:document_id>/delete/", views.document_delete, name="document_delete"),
    path("measures/<str:platform>/<str:metric>/", views.reading_new, name="reading_new"),
    path("payment-change/", views.payment_change, name="payment_change"),
    path("alerts/<int:alert_id>/dismiss/", views.alert_dismiss, name="alert_dismiss"),
    path("checkin/", views.checkin, name="checkin"),
]
