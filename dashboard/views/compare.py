"""Page script: runs dashboard.screens.compare inside the frame."""
from dashboard.context import run
from dashboard.screens import compare

run(compare)
