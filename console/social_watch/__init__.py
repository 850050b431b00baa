"""The social-media and online-media watch: watch rules, their matching, spike detection, and the panel.

Matching and spike detection are pure Python (no Qt), fast, and tested on their own.
"""
