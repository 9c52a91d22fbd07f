"""Questions asked of the coded material: segments for a boolean of codes, code frequencies, co-occurrence and
the code × attribute matrix.

Every function here starts from ``codings_visible_to(user)`` (round drafts left out) or
``analysable_sources_visible_to(user)``: only material whose participants all allow use in analysis is ever
counted or shown, and only what the person may see.
"""
