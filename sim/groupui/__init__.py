"""Textual screens for group sessions: joining, the trainer's dashboard, the plenary."""
