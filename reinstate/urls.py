from django.urls import include, path

from reinstate.accounts import urls as accounts_urls
from reinstate.cases import urls as cases_urls
from reinstate.compose import urls as compose_urls
from reinstate.core import views as core_views
from reinstate.policies import help as policies_help

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    # The language chooser on the sign-in and sign-up pages posts to Django's set_language.
    path("i18n/", include("django.conf.urls.i18n")),
    # One `accounts` namespace: the account app's pages and the two that see every app.
    path(
        "accounts/",
        include((accounts_urls.urlpatterns + compose_urls.account_patterns, "accounts")),
    ),
    # One `cases` namespace: the case app's pages and the case page that gathers every app.
    path("cases/", include((cases_urls.urlpatterns + compose_urls.case_patterns, "cases"))),
    path("cases/<int:case_id>/evidence/", include("reinstate.evidence.urls")),
    path("cases/<int:case_id>/support/", include("reinstate.comms.urls")),
    path("health/", include("reinstate.health.urls")),
    path("records/", include("reinstate.records.urls")),
    path("cases/<int:case_id>/appeal/", include("reinstate.appeals.urls")),
    path("policies/", include("reinstate.policies.urls")),
    path("help/", policies_help.help_view, name="help"),
    path("cases/<int:case_id>/work/", include("reinstate.advocacy.urls")),
]

handler400 = "reinstate.core.views.bad_request"
handler404 = "reinstate.core.views.not_found"
handler500 = "reinstate.core.views.server_error"
