"""Helpers for the JSON API suite: real tokens from ``api_token_create``, sent over HTTP."""

import json

import pytest
from django.test import Client
from django_otp.oath import totp

from ovoz.accounts.services import api_token_create

PREFIX = "/api/v1"


class ApiClient:
    """A client that sends one bearer token and no session cookie."""

    def __init__(self, secret: str | None):
        self.client = Client()
        self.secret = secret

    def _headers(self):
        return {"Authorization": f"Bearer {self.secret}"} if self.secret else {}

    def get(self, path: str, params: dict | None = None):
        return self.client.get(PREFIX + path, params or {}, headers=self._headers())

    def post(self, path: str, body):
        data = body if isinstance(body, str) else json.dumps(body)
        return self.client.post(PREFIX + path, data=data, content_type="application/json", headers=self._headers())


def make_token(user, name: str = "test token"):
    """A real token, made the way the account page makes one: (ApiToken, secret)."""
    return api_token_create(actor=user, user=user, name=name)


@pytest.fixture
def api_as():
    """``api_as(user)``: an API client holding a fresh token of that person."""

    def _as(user):
        _, secret = make_token(user)
        return ApiClient(secret)

    return _as


@pytest.fixture
def api_anonymous():
    return ApiClient(None)


def code_for(device) -> str:
    """The current code of a TOTP device, as an authenticator app would show it."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def ids(response) -> list[int]:
    return [item["id"] for item in response.json()["items"]]
