from django.urls import path

from reinstate.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_new, name="new"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/correct/", views.case_correct, name="correct"),
    path("<int:case_id>/status/", views.case_status, name="status"),
    path("<int:case_id>/outcome/", views.case_outcome, name="outcome"),
    path("<int:case_id>/share/", views.case_share, name="share"),
    path("<int:case_id>/unshare/", views.case_unshare, name="unshare"),
    path("<int:case_id>/calendar.ics", views.case_ics, name="ics"),
    path("<int:case_id>/checklist/<int:item_id>/", views.checklist_item, name="checklist_item"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
