"""Multi-monitor layout: where each window goes, layout profiles, and what happens when a screen goes."""
