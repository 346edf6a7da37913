"""Models, one module per area; each area adds its import here."""
