"""A tiny Textual app for the serve tests: it shows the resume token it was started with
and hands the page the next one (``tok-1``, ``tok-2``, ...)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from sim.webtab import resume_token, send_resume_token


class ResumeEcho(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(f"resume={resume_token() or '-'}", id="shown")

    def on_mount(self) -> None:
        token = resume_token() or "tok-0"
        send_resume_token(self, f"tok-{int(token.split('-')[1]) + 1}")


if __name__ == "__main__":
    ResumeEcho().run()
