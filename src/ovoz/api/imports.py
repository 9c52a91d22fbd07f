"""API endpoints for imports (mounted at /api/v1/imports/)."""

from ninja import Router

router = Router(tags=["imports"])
