"""All network and disk I/O: source manifest, fetch (mirror or live), cache, adapters, tidy store."""
