// Symbolic core.
