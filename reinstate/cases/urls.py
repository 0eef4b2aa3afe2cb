from django.urls import path

from reinstate.cases import claim_views, views

app_name = "cases"
# The case page and the calendar feeds join this namespace from reinstate/compose/urls.py.
urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_new, name="new"),
    # An advocate's intake: a case opened for a driver, who claims it by a one-time link.
    path("new/for/<int:organisation_id>/", claim_views.new_for_driver, name="new_for_driver"),
    path("<int:case_id>/claim-link/", claim_views.claim_link, name="claim_link"),
    path("<int:case_id>/claim-link/new/", claim_views.renew_claim_link, name="renew_claim_link"),
    path(
        "<int:case_id>/claim-link/revoke/", claim_views.revoke_claim_link, name="revoke_claim_link"
    ),
    path("claim/<str:token>/", claim_views.claim, name="claim"),
    path("<int:case_id>/correct/", views.case_correct, name="correct"),
    path("<int:case_id>/received/", views.case_received, name="received"),
    path("<int:case_id>/meaning/", views.case_meaning, name="meaning"),
    path("<int:case_id>/deadline/", views.case_deadline, name="deadline"),
    path("<int:case_id>/status/", views.case_status, name="status"),
    path("<int:case_id>/share/", views.case_share, name="share"),
    path("<int:case_id>/unshare/", views.case_unshare, name="unshare"),
    path("<int:case_id>/checklist/<int:item_id>/", views.checklist_item, name="checklist_item"),
]
