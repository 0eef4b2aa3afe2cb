from django.contrib.auth import views as auth_views
from django.urls import path

from reinstate.accounts import views

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("profile/calendar/reset/", views.reset_calendar, name="reset_calendar"),
    path("profile/identity/", views.identity, name="identity"),
    path("profile/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("profile/sessions/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("organisations/", views.organisations, name="organisations"),
    path("organisations/<int:organisation_id>/", views.organisation, name="organisation"),
    path(
        "organisations/<int:organisation_id>/advocates/add/",
        views.add_advocate,
        name="add_advocate",
    ),
    path(
        "organisations/<int:organisation_id>/advocates/<int:user_id>/remove/",
        views.remove_advocate,
        name="remove_advocate",
    ),
    path(
        "organisations/<int:organisation_id>/advocates/<int:user_id>/role/",
        views.set_member_role,
        name="set_member_role",
    ),
    path(
        "organisations/<int:organisation_id>/code/",
        views.replace_invite_code,
        name="replace_invite_code",
    ),
]
