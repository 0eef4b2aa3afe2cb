from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "reinstate.accounts"
    label = "accounts"
