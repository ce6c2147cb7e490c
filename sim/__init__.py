"""sovsim: branching role-play training for municipal officials."""

__version__ = "0.1.0"
