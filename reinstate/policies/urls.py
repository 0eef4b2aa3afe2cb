from django.urls import path

from reinstate.policies import views

app_name = "policies"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:ref>/", views.detail, name="detail"),
]
