from django.urls import path

from ovoz.accounts.views import account, auth, twofactor

app_name = "accounts"

urlpatterns = [
    path("auth/login/", auth.login_view, name="login"),
    path("auth/verify/", auth.verify_view, name="verify"),
    path("auth/logout/", auth.logout_view, name="logout"),
    path("auth/confirm/", auth.reauth_view, name="reauth"),
    path("auth/two-factor/", twofactor.setup_view, name="twofactor_setup"),
    path("account/", account.security_view, name="security"),
    path("account/recovery-codes/", twofactor.recovery_codes_view, name="recovery_codes"),
    path("account/tokens/new/", account.token_create_view, name="token_create"),
    path("account/tokens/<int:pk>/revoke/", account.token_revoke_view, name="token_revoke"),
]
