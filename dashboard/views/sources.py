"""Page script: runs dashboard.screens.sources inside the frame."""
from dashboard.context import run
from dashboard.screens import sources

run(sources)
