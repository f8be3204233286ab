"""Page script: runs dashboard.screens.town inside the frame."""
from dashboard.context import run
from dashboard.screens import town

run(town)
