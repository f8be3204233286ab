"""NUTS reference: code helpers, screen geometry, typologies, version conversion, attribution."""
