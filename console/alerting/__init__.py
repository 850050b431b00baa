"""Alerts from every source (high-priority incidents, social spikes, failed cameras), kept in one log."""
