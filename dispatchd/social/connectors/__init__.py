"""Connectors: each fetches one source's new posts over HTTP (httpx) and says why when it cannot."""
