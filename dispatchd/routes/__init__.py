"""The v1 HTTP API, one module per area."""
