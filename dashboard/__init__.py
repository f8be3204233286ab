"""The Streamlit app: router and frame (app.py), thin pages, the only place that imports streamlit."""
