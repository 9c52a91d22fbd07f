from ovoz.publishing.models.finding import Finding, FindingLink
from ovoz.publishing.models.publication import Block, DisclosureOverride, Publication, Section
from ovoz.publishing.models.version import PublishedVersion

__all__ = ["Block", "DisclosureOverride", "Finding", "FindingLink", "Publication", "PublishedVersion", "Section"]
