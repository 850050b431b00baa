"""The panels and the main window (they read the store and send commands; they never call HTTP)."""
