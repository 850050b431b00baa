"""The demo world: a city, its units and cameras, and a simulator that makes it live."""
