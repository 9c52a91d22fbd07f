"""API endpoints for deliverables (mounted at /api/v1/deliverables/)."""

from ninja import Router

router = Router(tags=["deliverables"])
