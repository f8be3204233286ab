"""The Streamlit app: app.py (server and boundary route), router.py (frame, navigation), thin pages; the only place that imports streamlit."""
