"""CLI commands, one module per area; each exposes `command` for diplowatch.cli."""
