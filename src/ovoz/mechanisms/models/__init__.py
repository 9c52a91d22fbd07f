from ovoz.mechanisms.models.calendar import Review, ReviewReminder
from ovoz.mechanisms.models.mapping import RightsMapping
from ovoz.mechanisms.models.recommendation import AppendOnlyQuerySet, Recommendation, Status, StatusChange
from ovoz.mechanisms.models.registry import COUNTRIES, Article, Instrument, Mechanism, Ratification

__all__ = ["COUNTRIES", "AppendOnlyQuerySet", "Article", "Instrument", "Mechanism", "Ratification",
           "Recommendation", "Review", "ReviewReminder", "RightsMapping", "Status", "StatusChange"]
