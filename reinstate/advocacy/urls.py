from django.urls import path

from reinstate.advocacy import views

# Mounted under cases/<case_id>/work/: for members of the organisation the case is shared with.
app_name = "advocacy"
urlpatterns = [
    path("", views.work, name="work"),
    path("assign/", views.assign, name="assign"),
    path("notes/", views.add_note, name="add_note"),
    path("tasks/", views.add_task, name="add_task"),
    path("tasks/<int:task_id>/done/", views.task_done, name="task_done"),
]
