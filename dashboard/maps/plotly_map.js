// The map page's map (dashboard/maps/plotly_map.py): plotly.js in one div kept across reruns, updated with Plotly.react.
// Loaded by plotly_map.py as the Streamlit v2 component's module; ``data`` is the JSON that plotly_map() sends.
// One state per wrapper node (the node outlives reruns): the figure drawn, the one waiting, and one draw at a time,
// so quick year changes never interleave two Plotly calls on the same div and only the latest figure is drawn.

function plotlyFrom(url) {
  window.__atlasPlotly = window.__atlasPlotly || {};
  if (!window.__atlasPlotly[url]) {
    window.__atlasPlotly[url] = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { delete window.__atlasPlotly[url]; script.remove();
                               reject(new Error(`plotly.js did not load from ${url}`)); };
      document.head.appendChild(script);
    });
  }
  return window.__atlasPlotly[url];
}

const widthOf = (state) => Math.round(state.box.getBoundingClientRect().width) || undefined;

// Fitting the frame (the embed, spec.fit): the map takes the window's height left under what is above it and
// over what follows it on the page (the source line), so an iframe of a fixed height shows all of it; below
// NARROW_PX wide the outermost regions' boxes go under the map (spec.narrow), where their names fit.
// SOURCE_PX: room kept for the source line under the map even before it is drawn (two caption lines and a gap):
// on a loaded machine the map was fitted first, the line came later and fell below the frame.
const NARROW_PX = 640, MIN_FIT_PX = 300, GAP_PX = 16, BOTTOM_PX = 12, SOURCE_PX = 60;

function fitHeight(state, height) {
  const holder = state.box.closest(".stElementContainer") || state.box;
  let below = 0;
  for (let node = holder.nextElementSibling; node; node = node.nextElementSibling) {
    const rect = node.getBoundingClientRect();
    if (rect.height > 0) below += rect.height + GAP_PX;
  }
  const top = state.box.getBoundingClientRect().top + (holder.closest(".stMain") || {scrollTop: 0}).scrollTop;
  below = Math.max(below, SOURCE_PX);
  return Math.max(MIN_FIT_PX, Math.min(height, Math.floor(window.innerHeight - top - below - BOTTOM_PX)));
}

// The drawn figure no longer has the size the box calls for.
const resize = (state) => sized(state, {height: state.height}).key !== state.size;

// What the figure's layout becomes at the box's size now, and a key of that size (a change redraws).
function sized(state, layout) {
  const width = widthOf(state);
  if (!state.fit) return {key: String(width), layout: {...layout, autosize: false, width}};
  const height = fitHeight(state, layout.height || 450);
  const narrow = width !== undefined && width < NARROW_PX && state.narrow ? state.narrow : {};
  const title = layout.title && layout.title.yref === "container" && layout.height  // as many px from the top
    ? {title: {...layout.title, y: 1 - (1 - layout.title.y) * layout.height / height}} : {};
  return {key: `${width}x${height}`, layout: {...layout, ...narrow, ...title, autosize: false, width, height}};
}

// The figure's boundary files, fetched before plotly sees the figure and put where plotly keeps them. Plotly
// fetches one URL once and lets every other trace that needs it (the insets' traces do) wait for it only 5 s
// (100 × 50 ms) before failing the whole plot: ten sessions on two busy cores took longer than that.
// Fetched alongside plotly.js, stored once it has loaded (it creates window.PlotlyGeoAssets itself).
async function boundaries(figure, loading) {
  const known = window.PlotlyGeoAssets || {};
  const urls = new Set((figure.data || []).map((trace) => trace.geojson).filter((g) => typeof g === "string"));
  const fetched = await Promise.all(Array.from(urls).filter((url) => !known[url] || known[url] === "pending")
    .map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return [url, await response.json()];
    }));
  await loading;
  for (const [url, geojson] of fetched) window.PlotlyGeoAssets[url] = geojson;
}

async function draw(state) {
  while (true) {
    if (state.next !== null) {
      const view = state.next;
      state.next = null;
      // The same figure (from the same bytes, so the same text) is not drawn again: a rerun after a draw ahead.
      const text = JSON.stringify(view.figure);
      state.box.setAttribute("aria-label", view.label);
      if (text === state.drawn) continue;
      const figure = JSON.parse(text);  // a copy for plotly, which may add to what it is given
      const first = sized(state, figure.layout);
      state.box.style.minHeight = `${first.layout.height || 450}px`;  // no jump while plotly.js loads
      if (state.failed !== view) state.retries = 0;
      state.failed = view;  // until it is drawn: tried again after an error (see kick)
      const loading = plotlyFrom(state.plotly);
      await boundaries(figure, loading);
      const Plotly = await loading;
      const size = sized(state, figure.layout);
      state.size = size.key;
      state.height = figure.layout.height;
      await Plotly.react(state.plot, figure.data || [], size.layout, state.config);
      state.drawn = text;
      state.failed = null;
      state.retries = 0;
      state.box.removeAttribute("data-error");
      // for the browser tests: how many draws, and whether the last came ahead of the rerun or from the page
      state.box.dataset.draws = String(Number(state.box.dataset.draws || 0) + 1);
      state.box.dataset.source = view.source;
      if (!state.listening) {
        state.listening = true;
        state.plot.on("plotly_click", (event) => {
          const point = ((event && event.points) || []).find((p) => p.location !== undefined);
          if (point) state.trigger("clicked", point.location);
        });
        const resized = () => { if (state.box.isConnected && resize(state)) kick(state); };
        new ResizeObserver(resized).observe(state.box);
        if (state.fit) {  // the frame's height, and the source line under the map, decide the map's height too
          window.addEventListener("resize", resized);
          const block = state.box.closest('[data-testid="stVerticalBlock"]');
          if (block) new ResizeObserver(resized).observe(block);
        }
      }
    } else if (state.drawn !== null && resize(state)) {
      const figure = JSON.parse(state.drawn);
      const size = sized(state, figure.layout);
      state.size = size.key;
      if (state.fit) {  // the height and the boxes' places change too
        state.box.style.minHeight = `${size.layout.height}px`;
        await window.Plotly.react(state.plot, figure.data || [], size.layout, state.config);
      } else {
        await window.Plotly.relayout(state.plot, {width: size.layout.width});
      }
    } else {
      return;
    }
  }
}

function kick(state) {
  if (state.running) return;
  state.running = draw(state).catch((error) => {
    console.error("atlas map:", error);
    state.box.setAttribute("data-error", String(error));
    // a network or plotly error: the same figure again, after 1, 2 and 4 s, unless a newer one has come
    const failed = state.failed;
    state.retries = (state.retries || 0) + 1;
    if (failed && state.retries <= 3) {
      setTimeout(() => { if (state.next === null && state.failed === failed) { state.next = failed; kick(state); } },
                 1000 * 2 ** (state.retries - 1));
    }
  }).finally(() => {
    state.running = null;
    if (state.next !== null) kick(state);  // a figure that came in as the loop was returning
    else setTimeout(() => fetchAhead(state), 0);
  });
}

// The figures of the years beside the shown one, fetched once the map is drawn; at most a handful kept.
function fetchAhead(state) {
  for (const url of Object.values(state.ahead)) {
    if (!state.fetched.has(url)) {
      const view = fetch(url).then((r) => (r.ok ? r.json() : null)).catch(() => null).then((got) => {
        if (got === null) state.fetched.delete(url);  // tried again after the next draw; the rerun draws it now
        return got;
      });
      state.fetched.set(url, view);
    }
  }
  const wanted = new Set(Object.values(state.ahead));
  for (const url of Array.from(state.fetched.keys())) {
    if (state.fetched.size <= 6) break;
    if (!wanted.has(url)) state.fetched.delete(url);
  }
}

// The year slider moved: draw that year's figure now if it was fetched ahead; the rerun brings the same bytes.
function jumpTo(state, year) {
  state.year = year;
  const pending = state.ahead[year] && state.fetched.get(state.ahead[year]);
  if (!pending) return;  // not fetched ahead: the rerun brings it
  pending.then((view) => {
    if (view && state.year === year) { state.next = {...view, source: "ahead"}; kick(state); }
  });
}

// Only a step the reader takes on the slider (a key, a drag) draws ahead: the slider also changes when the
// rerun sets it (a new indicator starts at its latest year), and then the figure must come from the rerun.
function follow(state, selector) {
  const node = selector ? document.querySelector(selector) : null;
  if (node === state.watched) return;
  if (state.observer) state.observer.disconnect();
  state.watched = node;
  state.observer = null;
  if (!node) return;
  const stepped = () => { state.stepped = performance.now(); };
  node.addEventListener("keydown", stepped, true);
  node.addEventListener("pointerdown", () => {
    state.stepped = Infinity;
    window.addEventListener("pointerup", stepped, {capture: true, once: true});
  }, true);
  state.observer = new MutationObserver(() => {
    if (!state.box.isConnected) { state.observer.disconnect(); return; }
    const input = node.querySelector('input[type="range"]');
    const shown = input && input.getAttribute("aria-valuetext");
    const same = input && Number(input.max) + 1 === state.years;  // the slider of the view drawn
    if (shown && shown !== state.year && same && performance.now() - state.stepped < 1000) jumpTo(state, shown);
  });
  state.observer.observe(node, {attributes: true, attributeFilter: ["aria-valuetext"], subtree: true});
}

export default function ({ data, parentElement, setTriggerValue }) {
  const spec = JSON.parse(typeof data === "string" ? data : new TextDecoder().decode(data));
  if (spec.preload) {  // the page's first element: plotly.js loads while the server still builds the page
    plotlyFrom(spec.plotly).catch(() => {});  // a failure is the map's to report, when it asks again
    return;
  }
  const box = parentElement.querySelector(".atlas-map");
  if (!box) return;
  const state = box.__atlas || (box.__atlas = {box, plot: box.querySelector(".atlas-map-plot"), drawn: null,
                                                next: null, size: null, running: null, listening: false,
                                                ahead: {}, fetched: new Map(), year: null, years: 0,
                                                watched: null, observer: null, stepped: -Infinity});
  state.trigger = setTriggerValue;
  state.plotly = spec.plotly;
  state.config = spec.config;
  state.ahead = spec.ahead || {};
  state.year = spec.year;
  state.years = spec.years;
  state.fit = Boolean(spec.fit);
  state.narrow = spec.narrow || null;
  state.next = {figure: spec.figure, label: spec.label, source: "page"};
  follow(state, spec.follow);
  kick(state);
}
