"""The idle lock: after minutes without keyboard or mouse every window is covered and the password asked again."""
