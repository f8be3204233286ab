"""Serving many readers: N app processes behind nginx (nginx.py renders the config), systemd and container examples."""
