"""API endpoints for calls (mounted at /api/v1/calls/)."""

from ninja import Router

router = Router(tags=["calls"])
