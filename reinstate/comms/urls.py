from django.urls import path

from reinstate.comms import chat_picture_views, views

# Mounted under cases/<case_id>/support/: every view starts from the case, for its owner.
app_name = "comms"
urlpatterns = [
    path("", views.log, name="log"),
    path("add/", views.add, name="add"),
    path("chat/", views.chat, name="chat"),
    path("chat/screenshots/", chat_picture_views.chat_pictures, name="chat_pictures"),
    path("import/", views.import_mail, name="import"),
    path("import/<int:pending_id>/", views.import_finish, name="import_finish"),
    path("import/<int:pending_id>/progress/", views.import_progress, name="import_progress"),
    path("timeline/", views.timeline_page, name="timeline"),
    path("drafts/", views.drafts, name="drafts"),
    path("drafts/tone/", views.tone, name="tone"),
    path("<int:contact_id>/", views.contact, name="contact"),
]
