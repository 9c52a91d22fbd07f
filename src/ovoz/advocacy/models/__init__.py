"""Advocacy planning: Theory of Change, power map, critical pathways, advocacy plans, moments and campaigns."""

from ovoz.advocacy.models.campaigns import Campaign, CampaignMaterial, Channel, Message, Moment, Reach
from ovoz.advocacy.models.plans import Activity, AdvocacyPlan, Ask, Objective
from ovoz.advocacy.models.power import Actor, Pathway, PathwayStep, StepStatus
from ovoz.advocacy.models.scope import Level
from ovoz.advocacy.models.toc import ChangeNode, TheoryOfChange

__all__ = [
    "Activity",
    "Actor",
    "AdvocacyPlan",
    "Ask",
    "Campaign",
    "CampaignMaterial",
    "ChangeNode",
    "Channel",
    "Level",
    "Message",
    "Moment",
    "Objective",
    "Pathway",
    "PathwayStep",
    "Reach",
    "StepStatus",
    "TheoryOfChange",
]
