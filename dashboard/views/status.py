"""Page script: runs dashboard.screens.status inside the frame."""
from dashboard.context import run
from dashboard.screens import status

run(status)
