"""The HTTP API for webhook subscribers and tools (FastAPI); see diplowatch.api.app."""

from diplowatch.api.app import create_app

__all__ = ["create_app"]
