from django.urls import include, path

from reinstate.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accounts/", include("reinstate.accounts.urls")),
    path("cases/", include("reinstate.cases.urls")),
]

handler404 = "reinstate.core.views.not_found"
handler500 = "reinstate.core.views.server_error"
