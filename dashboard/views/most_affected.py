"""Page script: runs dashboard.screens.most_affected inside the frame."""
from dashboard.context import run
from dashboard.screens import most_affected

run(most_affected)
