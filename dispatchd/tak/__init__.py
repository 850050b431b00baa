"""Cursor on Target: field clients in, the centre's picture out (TAK)."""
