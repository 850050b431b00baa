"""The command palette (Ctrl+K): any action, incident, unit or camera, found by typing."""
