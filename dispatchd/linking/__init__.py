"""Automatic linking, always as suggestions the operator confirms: duplicate calls, posts about an incident,
repeat places, hot spots. Pure logic here (no storage, no clock of its own); `index.py` holds what it reads."""
