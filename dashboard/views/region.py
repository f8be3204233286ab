"""Page script: runs dashboard.screens.region inside the frame."""
from dashboard.context import run
from dashboard.screens import region

run(region)
