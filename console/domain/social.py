"""The social watch's entities as the console holds them: the wire contract's posts, watch rules and sources."""

from __future__ import annotations

from dispatch_protocol.entities import PostLink, PostLocation, SocialPost, SocialSource, WatchRule

WatchRuleRecord = WatchRule
"""A watch rule as shared through the backend (the query as typed; `social_watch` compiles it)."""

__all__ = ["PostLink", "PostLocation", "SocialPost", "SocialSource", "WatchRuleRecord"]
