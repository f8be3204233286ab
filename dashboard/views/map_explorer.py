"""Page script: runs dashboard.screens.map_explorer inside the frame."""
from dashboard.context import run
from dashboard.screens import map_explorer

run(map_explorer)
