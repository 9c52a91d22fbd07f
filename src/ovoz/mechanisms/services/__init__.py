from ovoz.mechanisms.services.recommendations import (
    recommendation_create,
    recommendation_delete,
    recommendation_status_record,
    recommendation_update,
)
from ovoz.mechanisms.services.registry import (
    mapping_add,
    mapping_delete,
    ratification_update,
    review_create,
    review_delete,
    review_reminder_record,
    review_update,
)

__all__ = ["mapping_add", "mapping_delete", "ratification_update", "recommendation_create", "recommendation_delete",
           "recommendation_status_record", "recommendation_update", "review_create", "review_delete",
           "review_reminder_record", "review_update"]
