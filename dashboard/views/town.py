"""Page script: runs dashboard.screens.town inside the frame (the screen writes its own URL parameters)."""
from dashboard.context import current
from dashboard.screens import town

ctx = current()
town.render(ctx.store, ctx.view, ctx.maps, ctx.pages)
