"""Talking to the dispatch backend: one HTTP client, the event stream, commands."""
