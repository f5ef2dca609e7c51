/* pitboard: interactive lap and gap charts (hover, zoom, choose cars), list filters.
   No dependencies, nothing from another origin: the page's Content-Security-Policy allows only
   this file. Chart data comes from the JSON API of the same page (/api/.../charts/KIND). */
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function fmtGap(s) {
  if (s === null || s === undefined || Number.isNaN(s)) return "";
  if (s < 60) return "+" + s.toFixed(3) + "s";
  const m = Math.floor(s / 60);
  return "+" + m + ":" + (s - 60 * m).toFixed(3).padStart(6, "0");
}

function niceTicks(lo, hi, count) {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => span / s <= count) || 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(+v.toFixed(6));
  return out;
}

class LineChart {
  constructor(box, data) {
    this.box = box;
    this.data = data;
    this.kind = data.kind;
    this.rows = data.rows;
    this.hidden = new Set();
    const xs = this.rows.flatMap((r) => r.x);
    this.full = [Math.min(...xs), Math.max(...xs)];
    this.range = this.full.slice();
    this.build();
  }

  build() {
    this.box.textContent = "";
    const title = document.createElement("p");
    title.className = "chart-title";
    title.textContent = this.data.title;
    this.box.appendChild(title);
    const bar = document.createElement("div");
    bar.className = "chart-bar";
    const reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = "Reset zoom";
    reset.addEventListener("click", () => { this.range = this.full.slice(); this.draw(); });
    const all = document.createElement("button");
    all.type = "button";
    all.textContent = "All cars";
    all.addEventListener("click", () => { this.hidden.clear(); this.syncLegend(); this.draw(); });
    const hint = document.createElement("span");
    hint.className = "muted small";
    hint.textContent = "Drag across the chart to zoom; click a car to hide or show it.";
    bar.append(reset, all, hint);
    this.box.appendChild(bar);
    this.svg = el("svg", { class: "line-chart", role: "img", "aria-label": this.data.title });
    this.box.appendChild(this.svg);
    this.tip = document.createElement("div");
    this.tip.className = "chart-tip";
    this.tip.hidden = true;
    this.box.appendChild(this.tip);
    this.legend = document.createElement("div");
    this.legend.className = "chart-legend";
    for (const r of this.rows) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "car";
      b.dataset.number = r.number;
      const sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = r.colour;
      b.append(sw, document.createTextNode("#" + r.number + (r.team ? " " + r.team : "")));
      b.title = r.crew || "";
      b.addEventListener("click", () => {
        if (this.hidden.has(r.number)) this.hidden.delete(r.number); else this.hidden.add(r.number);
        this.syncLegend();
        this.draw();
      });
      this.legend.appendChild(b);
    }
    this.box.appendChild(this.legend);
    this.bindEvents();
    this.draw();
  }

  syncLegend() {
    for (const b of this.legend.children) b.classList.toggle("off", this.hidden.has(b.dataset.number));
  }

  visible() { return this.rows.filter((r) => !this.hidden.has(r.number)); }

  draw() {
    const svg = this.svg;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    // the drawing's units are the screen's pixels, so the labels stay readable on a phone
    const W = Math.max(300, Math.round(this.box.clientWidth || 960));
    const H = W < 640 ? Math.round(W * 0.8) : 440;
    const L = W < 640 ? 40 : 56, R = 12, T = 12, B = 36;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    this.geom = { W, H, L, R, T, B };
    const [x0, x1] = this.range;
    const rows = this.visible();
    let y0, y1;
    if (this.data.y_range) {
      [y0, y1] = this.data.y_range;  // (bottom, top) as the drawn chart has them
    } else {
      let ys = [];
      for (const r of rows) r.x.forEach((x, i) => { if (x >= x0 && x <= x1 && r.y[i] !== null) ys.push(r.y[i]); });
      if (!ys.length) ys = [0, 1];
      y0 = Math.min(0, ...ys); y1 = Math.max(...ys) * 1.04 || 1;
    }
    const inverted = this.kind === "lap-chart";
    const sx = (x) => L + ((x - x0) / (x1 - x0 || 1)) * (W - L - R);
    const sy = (y) => H - B - ((y - y0) / (y1 - y0)) * (H - T - B);
    this.sx = sx; this.sy = sy;
    const axis = el("g", { class: "axis" }, svg);
    for (const t of niceTicks(x0, x1, 10)) {
      el("line", { x1: sx(t), x2: sx(t), y1: T, y2: H - B, class: "grid" }, axis);
      el("text", { x: sx(t), y: H - B + 16, "text-anchor": "middle" }, axis).textContent = t;
    }
    const lo = Math.min(y0, y1), hi = Math.max(y0, y1);
    const yt = inverted ? niceTicks(Math.ceil(lo), Math.floor(hi), 12).filter((v) => Number.isInteger(v) && v >= 1) : niceTicks(Math.max(0, lo), hi, 8);
    for (const t of yt) {
      el("line", { x1: L, x2: W - R, y1: sy(t), y2: sy(t), class: "grid" }, axis);
      el("text", { x: L - 6, y: sy(t) + 4, "text-anchor": "end" }, axis).textContent = inverted ? "P" + t : t + "s";
    }
    el("text", { x: (L + W - R) / 2, y: H - 4, "text-anchor": "middle", class: "label" }, axis).textContent = "Lap";
    const clip = el("clipPath", { id: "clip-" + this.kind }, svg);
    el("rect", { x: L, y: T, width: W - L - R, height: H - T - B }, clip);
    const lines = el("g", { "clip-path": "url(#clip-" + this.kind + ")" }, svg);
    for (const r of rows) {
      const pts = [];
      r.x.forEach((x, i) => { if (x >= x0 - 1 && x <= x1 + 1 && r.y[i] !== null) pts.push(sx(x).toFixed(1) + "," + sy(r.y[i]).toFixed(1)); });
      el("polyline", { points: pts.join(" "), stroke: r.colour, fill: "none", "stroke-width": 1.8, class: "car-line", "data-number": r.number }, lines);
    }
    this.cursor = el("line", { x1: 0, x2: 0, y1: T, y2: H - B, class: "cursor", visibility: "hidden" }, svg);
    this.band = el("rect", { x: 0, y: T, width: 0, height: H - T - B, class: "band", visibility: "hidden" }, svg);
  }

  toLap(evt) {
    const rect = this.svg.getBoundingClientRect();
    const px = ((evt.clientX - rect.left) / rect.width) * this.geom.W;
    const { L, R, W } = this.geom;
    const [x0, x1] = this.range;
    return { px, lap: x0 + ((px - L) / (W - L - R)) * (x1 - x0) };
  }

  bindEvents() {
    let dragFrom = null;
    this.svg.addEventListener("mousedown", (e) => { dragFrom = this.toLap(e); });
    window.addEventListener("mouseup", (e) => {
      if (dragFrom === null) return;
      const to = this.toLap(e);
      const a = Math.min(dragFrom.lap, to.lap), b = Math.max(dragFrom.lap, to.lap);
      dragFrom = null;
      this.band.setAttribute("visibility", "hidden");
      if (b - a >= 2) { this.range = [Math.max(this.full[0], Math.floor(a)), Math.min(this.full[1], Math.ceil(b))]; this.draw(); }
    });
    this.svg.addEventListener("mousemove", (e) => {
      const at = this.toLap(e);
      if (dragFrom !== null) {
        const a = Math.min(dragFrom.px, at.px), b = Math.max(dragFrom.px, at.px);
        this.band.setAttribute("x", a); this.band.setAttribute("width", b - a); this.band.setAttribute("visibility", "visible");
      }
      this.hover(Math.round(at.lap), e);
    });
    this.svg.addEventListener("mouseleave", () => { this.tip.hidden = true; this.cursor.setAttribute("visibility", "hidden"); });
    this.svg.addEventListener("dblclick", () => { this.range = this.full.slice(); this.draw(); });
  }

  hover(lap, evt) {
    if (lap < this.range[0] || lap > this.range[1]) return;
    const items = [];
    for (const r of this.visible()) {
      const i = r.x.indexOf(lap);
      if (i < 0 || r.y[i] === null) continue;
      const driver = Array.isArray(r.drivers) ? r.drivers[i] : null;
      items.push({ r, y: r.y[i], driver });
    }
    items.sort((a, b) => a.y - b.y);
    this.cursor.setAttribute("x1", this.sx(lap)); this.cursor.setAttribute("x2", this.sx(lap));
    this.cursor.setAttribute("visibility", "visible");
    this.tip.textContent = "";
    const head = document.createElement("b");
    head.textContent = "Lap " + lap;
    this.tip.appendChild(head);
    for (const it of items.slice(0, 20)) {
      const line = document.createElement("div");
      const sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = it.r.colour;
      const value = this.kind === "lap-chart" ? "P" + it.y : fmtGap(it.y);
      line.append(sw, document.createTextNode(` #${it.r.number} ${value}${it.driver ? " · " + it.driver : ""}`));
      this.tip.appendChild(line);
    }
    // beside the cursor (on its left near the right edge), kept inside the chart
    const rect = this.box.getBoundingClientRect();
    this.tip.style.left = "0px";
    this.tip.style.top = "0px";
    this.tip.hidden = false;
    const width = this.tip.offsetWidth, height = this.tip.offsetHeight;
    const x = evt.clientX - rect.left, y = evt.clientY - rect.top;
    const left = x + 14 + width <= rect.width ? x + 14 : x - 14 - width;
    this.tip.style.left = Math.max(0, left) + "px";
    this.tip.style.top = Math.max(0, Math.min(y + 10, rect.height - height - 4)) + "px";
  }
}

async function loadChart(box) {
  try {
    const response = await fetch(box.dataset.src, { headers: { Accept: "application/json" } });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error ? data.error.message : response.statusText);
    if (!data.rows || !data.rows.length) { box.textContent = "No lap data to chart for this class."; return; }
    box.chart = new LineChart(box, data);
    box.dataset.ready = "1";
    let width = box.clientWidth;
    window.addEventListener("resize", () => {
      if (Math.abs(box.clientWidth - width) > 20) { width = box.clientWidth; box.chart.draw(); }
    });
  } catch (err) {
    box.textContent = "Chart unavailable: " + err.message;
    box.dataset.ready = "error";
  }
}

function bindFilter(input) {
  const table = document.querySelector(input.dataset.filter);
  if (!table) return;
  input.addEventListener("input", () => {
    const q = input.value.trim().toLowerCase();
    for (const row of table.tBodies[0].rows) row.hidden = q && !row.textContent.toLowerCase().includes(q);
  });
}

function bindClaims() {
  // a claim marked in the article opens its evidence below the paragraph
  document.querySelectorAll("a.claim[href^='#claim-']").forEach((a) => {
    a.addEventListener("click", () => {
      const target = document.getElementById(a.getAttribute("href").slice(1));
      if (target) target.open = true;
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  bindClaims();
  document.querySelectorAll(".chart[data-src]").forEach(loadChart);
  document.querySelectorAll("input.filter[data-filter]").forEach(bindFilter);
});
