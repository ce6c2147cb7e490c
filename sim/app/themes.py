"""The three themes the settings offer: dark, light and high contrast."""

from __future__ import annotations

from textual.theme import Theme

DARK, LIGHT, CONTRAST = "textual-dark", "textual-light", "sovsim-high-contrast"
THEMES = (DARK, LIGHT, CONTRAST)
THEME_KEYS = {DARK: "theme.dark", LIGHT: "theme.light", CONTRAST: "theme.contrast"}

HIGH_CONTRAST = Theme(
    name=CONTRAST,
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffd700",
    error="#ff6060",
    success="#00ff66",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#202020",
    boost="#303030",
    dark=True,
    variables={
        "text-muted": "#ffffff",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
        "block-cursor-text-style": "bold",
        "footer-key-foreground": "#ffff00",
        "footer-description-foreground": "#ffffff",
        "input-selection-background": "#ffff00 40%",
        "border": "#ffffff",
        "border-blurred": "#c0c0c0",
        "scrollbar": "#c0c0c0",
        "scrollbar-background": "#000000",
    },
)
