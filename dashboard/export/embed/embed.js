// The static embed (dashboard/export/embeds.py): plotly.js draws one year's figure, written by the app's own
// figure builder; another year's figure is fetched when the slider reaches it (and the years beside it ahead).
(function () {
  "use strict";
  const spec = JSON.parse(document.getElementById("atlas-embed").textContent);
  const box = document.getElementById("atlas-map");
  const slider = document.getElementById("atlas-year");
  const shown = document.getElementById("atlas-year-shown");
  const source = document.getElementById("atlas-source");
  const live = document.getElementById("atlas-live");
  const config = {topojsonURL: spec.base, displayModeBar: false, scrollZoom: false, responsive: true};
  const fetched = new Map();
  let wanted = null;
  let drawing = Promise.resolve();

  function figureOf(year) {
    if (!fetched.has(year)) {
      fetched.set(year, fetch(`${spec.figures}${year}.json`).then((response) => {
        if (!response.ok) throw new Error(`${year}.json: HTTP ${response.status}`);
        return response.json();
      }).catch((error) => { fetched.delete(year); throw error; }));
    }
    return fetched.get(year);
  }

  // The address keeps the year, so a copied link (and the live view's link) opens the year on screen.
  function remember(year) {
    const page = new URL(window.location.href);
    page.searchParams.set("year", year);
    window.history.replaceState(null, "", page.href);
    const target = new URL(live.href);
    target.searchParams.set("year", year);
    live.href = target.href;
  }

  // One draw at a time, and only the last year asked for: quick slider steps never interleave two Plotly calls.
  function show(year) {
    wanted = year;
    shown.textContent = year;
    slider.setAttribute("aria-valuetext", year);
    drawing = drawing.then(async () => {
      if (wanted !== year) return;
      const view = await figureOf(year);
      if (wanted !== year) return;
      await Plotly.react(box, view.figure.data, view.figure.layout, config);
      box.setAttribute("aria-label", view.label);
      source.textContent = view.source;
      box.dataset.year = String(year);
      remember(year);
      const at = spec.years.indexOf(year);
      for (const beside of [spec.years[at - 1], spec.years[at + 1]]) if (beside !== undefined) figureOf(beside);
    }).catch((error) => {
      console.error("atlas embed:", error);
      box.dataset.error = String(error);
    });
  }

  const asked = Number(new URLSearchParams(window.location.search).get("year"));
  const first = spec.years.includes(asked) ? asked : spec.years[spec.years.length - 1];
  slider.value = String(spec.years.indexOf(first));
  slider.addEventListener("input", () => show(spec.years[Number(slider.value)]));
  show(first);
})();
