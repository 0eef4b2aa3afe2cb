from django.urls import path

from reinstate.records import good_standing_views, views

# Mounted under records/: every page is the signed-in driver's own.
app_name = "records"
urlpatterns = [
    path("", views.record_list, name="list"),
    path("add/", views.add, name="add"),
    path("<int:record_id>/", views.detail, name="detail"),
    path("<int:record_id>/files/<int:file_id>/", views.download, name="download"),
    path("<int:record_id>/files/<int:file_id>/<str:size>.jpg", views.preview, name="preview"),
    path("case/<int:case_id>/", views.offer, name="offer"),
    path("case/<int:case_id>/good-standing/", good_standing_views.draft, name="good_standing"),
    path(
        "case/<int:case_id>/good-standing/offer/",
        good_standing_views.hint,
        name="good_standing_hint",
    ),
]
