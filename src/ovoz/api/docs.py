"""The interactive API documentation, served entirely from this installation.

django-ninja renders its Swagger UI page from a CDN unless ``ninja`` is an installed app. Ovoz is
often used offline and never loads anything from a CDN, so the page here is rendered from our own
template and the Swagger UI files are streamed from the copy bundled inside the installed
django-ninja package (nothing is copied into Ovoz). Only the files named in ``ASSETS`` can be fetched.
"""

from pathlib import Path

import ninja
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from ninja.openapi.docs import DocsBase

NINJA_STATIC = Path(ninja.__file__).resolve().parent / "static" / "ninja"

# Public name -> file inside django-ninja's static folder.
ASSETS = {
    "swagger-ui.css": "swagger-ui.css",
    "swagger-ui-bundle.js": "swagger-ui-bundle.js",
    "swagger-ui-init.js": "swagger-ui-init.js",
    "favicon.png": "favicon.png",
}
ASSET_URL_NAME = "docs_asset"


def asset_response(name: str) -> FileResponse:
    """One bundled Swagger UI file, cacheable for a day; anything not in ``ASSETS`` is 404."""
    filename = ASSETS.get(name)
    path = NINJA_STATIC / filename if filename else None
    if path is None or not path.is_file():
        raise Http404
    response = FileResponse(path.open("rb"))
    patch_cache_control(response, public=True, max_age=86400)
    return response


class OfflineSwagger(DocsBase):
    """Swagger UI with every file served by Ovoz itself; no request leaves the installation."""

    template = "api/swagger.html"

    def __init__(self, settings: dict | None = None):
        self.settings = {
            "layout": "BaseLayout",
            "deepLinking": True,
            # Swagger UI would otherwise send the schema to validator.swagger.io.
            "validatorUrl": None,
            "persistAuthorization": False,
            **(settings or {}),
        }

    def render_page(self, request, api, **kwargs):
        def asset(name: str) -> str:
            url = reverse(f"{api.urls_namespace}:{ASSET_URL_NAME}", kwargs={"name": name, **kwargs})
            return f"{url}?v={ninja.__version__}"

        context = {
            "api": api,
            "swagger_settings": {**self.settings, "url": self.get_openapi_url(api, kwargs)},
            "css_url": asset("swagger-ui.css"),
            "bundle_url": asset("swagger-ui-bundle.js"),
            "init_url": asset("swagger-ui-init.js"),
            "favicon_url": asset("favicon.png"),
        }
        return render(request, self.template, context)
