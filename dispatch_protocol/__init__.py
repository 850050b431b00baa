"""The wire contract dispatchd and the console both speak, imported by both and by neither's internals: the
entities, the event envelope and types, the command bodies, the watch-rule query language and geofences,
distances, and the one `tr()` their messages go through. Plain Python and pydantic: no Qt, no FastAPI."""
