"""Incident and unit operations: dispatch ranking, queue filters, timelines, major events (pure logic here)."""
