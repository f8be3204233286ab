"""Page script: runs dashboard.screens.data_gaps inside the frame."""
from dashboard.context import run
from dashboard.screens import data_gaps

run(data_gaps)
