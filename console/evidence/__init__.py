"""Evidence: clips tagged to incidents, their export with a manifest of hashes, and its verification.

Pure logic (clip ranges, manifests, verification) has no Qt; `console verify-export DIR` runs without a display.
"""
