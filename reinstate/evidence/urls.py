from django.urls import path

from reinstate.evidence import views

# Mounted under cases/<case_id>/evidence/: every view starts from the case, for its owner.
app_name = "evidence"
urlpatterns = [
    path("", views.locker, name="locker"),
    path("add/", views.add, name="add"),
    path("search/", views.search, name="search"),
    path("day/", views.incident_day, name="day"),
    path("<int:item_id>/", views.item, name="item"),
    path("<int:item_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:item_id>/put-back/", views.put_back, name="put_back"),
    path("<int:item_id>/move/", views.move, name="move"),
    path("<int:item_id>/preview/<str:size>.jpg", views.preview, name="preview"),
    path("<int:item_id>/download/", views.download, name="download"),
]
