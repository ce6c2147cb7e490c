"""The Textual app (presentation only; see sim.app.app)."""
