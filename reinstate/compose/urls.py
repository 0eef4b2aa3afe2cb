"""The case page and the calendar feeds, in the `cases` namespace (see reinstate/urls.py)."""

from django.urls import path

from reinstate.compose import account_views, docket_views, history_views, stats_views, views

case_patterns = [
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/outcome/", views.case_outcome, name="outcome"),
    path("<int:case_id>/history/", history_views.case_history, name="history"),
    path("<int:case_id>/calendar.ics", views.case_ics, name="ics"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]

# In the `accounts` namespace (see reinstate/urls.py): they act on the signed-in user only.
account_patterns = [
    path("profile/export/", account_views.export, name="export"),
    path("profile/delete/", account_views.delete, name="delete"),
    # Beside the organisation's own page (accounts/urls.py), for its advocates only.
    path("organisations/<int:organisation_id>/docket/", docket_views.docket, name="docket"),
    path(
        "organisations/<int:organisation_id>/docket.csv",
        docket_views.docket_download,
        name="docket_csv",
    ),
    path("organisations/<int:organisation_id>/stats/", stats_views.stats, name="org_stats"),
    path(
        "organisations/<int:organisation_id>/stats.csv",
        stats_views.stats_download,
        name="org_stats_csv",
    ),
]
