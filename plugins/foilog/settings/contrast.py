"""Colour contrast as WCAG 2 defines it, for checking the brand colours at build time."""

from __future__ import annotations

WHITE = "#ffffff"
TEXT = "#0b0c0c"  # the theme's text colour
AA_TEXT = 4.5  # WCAG 2.2 AA, success criterion 1.4.3, for normal-size text


def relative_luminance(colour: str) -> float:
    """The relative luminance of a `#rrggbb` colour, from 0 (black) to 1 (white)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """The contrast ratio of two `#rrggbb` colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
