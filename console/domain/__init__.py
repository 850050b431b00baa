"""Plain data shared by everything in the console (no Qt here)."""
