"""Session recording and replay for trainers: the events the store applied and the operator's actions, in a
file that survives a crash, replayed into the same store."""
