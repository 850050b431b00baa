"""What dispatchd and the console both speak and read, imported by both and by neither's internals: the
watch-rule query language and geofences, distances, and the one `tr()` their messages go through. Plain
Python: no Qt, no FastAPI."""
