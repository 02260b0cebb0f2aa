// A small self-contained force layout for the evidence graph (litkg export graph --format html).
// Reads Cytoscape.js-shaped JSON from <script id="graph-data">, lays nodes out with a
// spring-electrical simulation and draws SVG.  All text goes in through textContent.
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const payload = JSON.parse(document.getElementById("graph-data").textContent);
  const colours = payload.colours || {};
  const nodes = payload.elements.nodes.map((n) => Object.assign({}, n.data));
  const edges = payload.elements.edges.map((e) => Object.assign({}, e.data));
  const svg = document.getElementById("graph");
  const info = document.getElementById("info");
  const byId = new Map(nodes.map((n) => [n.id, n]));

  document.getElementById("counts").textContent = nodes.length + " nodes, " + edges.length + " edges";
  const legend = document.getElementById("legend");
  for (const type of new Set(nodes.map((n) => n.type))) {
    const span = document.createElement("span");
    const dot = document.createElement("i");
    dot.style.background = colours[type] || "#7f7f7f";
    span.appendChild(dot);
    span.appendChild(document.createTextNode(type));
    legend.appendChild(span);
  }

  function size() {
    const box = svg.getBoundingClientRect();
    return { w: box.width || 900, h: box.height || 600 };
  }

  // Deterministic start on a circle, then a fixed number of simulation steps (no randomness,
  // so the same graph always gets the same picture).
  function layout() {
    const { w, h } = size();
    const n = nodes.length;
    nodes.forEach((node, i) => {
      const a = (2 * Math.PI * i) / Math.max(n, 1);
      node.x = w / 2 + (Math.min(w, h) / 3) * Math.cos(a);
      node.y = h / 2 + (Math.min(w, h) / 3) * Math.sin(a);
    });
    const k = Math.sqrt((w * h) / Math.max(n, 1)) * 0.6;
    // Attraction counts each linked pair once: many claims between a drug and one analyte
    // should not collapse the picture onto that pair.
    const pairs = new Map();
    for (const e of edges) {
      const a = byId.get(e.source), b = byId.get(e.target);
      if (a && b && a !== b) pairs.set([e.source, e.target].sort().join("\u0000"), [a, b]);
    }
    // Gravity toward the centre keeps unlinked nodes from being pushed against the edges; its
    // strength balances the total repulsion (about 0.36*w*h) at a radius of min(w, h)/2.5.
    const r = Math.min(w, h) / 2.5;
    const gravity = (0.36 * w * h) / (r * r * Math.max(n, 1));
    for (let step = 0, t = w / 10; step < 300; step++, t *= 0.985) {
      for (const v of nodes) {
        v.dx = (w / 2 - v.x) * gravity * k;
        v.dy = (h / 2 - v.y) * gravity * k;
      }
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const d = Math.max(Math.hypot(dx, dy), 0.01);
          const f = (k * k) / d;
          dx /= d; dy /= d;
          a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
        }
      }
      for (const [a, b] of pairs.values()) {
        let dx = a.x - b.x, dy = a.y - b.y;
        const d = Math.max(Math.hypot(dx, dy), 0.01);
        const f = (d * d) / k;
        dx /= d; dy /= d;
        a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
      }
      for (const v of nodes) {
        const d = Math.max(Math.hypot(v.dx, v.dy), 0.01);
        v.x += (v.dx / d) * Math.min(d, t);
        v.y += (v.dy / d) * Math.min(d, t);
      }
    }
    fit(w, h);
  }

  // Scale the finished layout into the view (room on the right for labels).
  function fit(w, h) {
    if (!nodes.length) return;
    const xs = nodes.map((v) => v.x), ys = nodes.map((v) => v.y);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const sx = (w - 200) / Math.max(x1 - x0, 1), sy = (h - 60) / Math.max(y1 - y0, 1);
    const scale = Math.min(sx, sy, 1.5);
    const ox = (w - 140 - scale * (x1 - x0)) / 2, oy = (h - scale * (y1 - y0)) / 2;
    for (const v of nodes) {
      v.x = ox + (v.x - x0) * scale;
      v.y = oy + (v.y - y0) * scale;
    }
  }

  function make(tag, attrs, parent) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }

  function describe(obj, fields) {
    info.replaceChildren();
    for (const f of fields) {
      if (obj[f] === undefined || obj[f] === "" || obj[f] === null) continue;
      const b = document.createElement("b");
      b.textContent = f + ": ";
      info.appendChild(b);
      const value = Array.isArray(obj[f]) ? obj[f].join(", ") : String(obj[f]);
      info.appendChild(document.createTextNode(value + "   "));
    }
  }

  function draw() {
    svg.replaceChildren();
    const defs = make("defs", {}, svg);
    const marker = make("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "22", refY: "5",
                                    markerWidth: "6", markerHeight: "6", orient: "auto-start-reverse" }, defs);
    make("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#666" }, marker);
    const edgeLayer = make("g", { class: "edges" }, svg);
    const nodeLayer = make("g", { class: "nodes" }, svg);
    for (const e of edges) {
      const a = byId.get(e.source), b = byId.get(e.target);
      if (!a || !b) continue;
      e.el = make("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: "#888",
                            "stroke-width": Math.min(1 + (e.evidence || 1), 6), "marker-end": "url(#arrow)",
                            class: "edge" }, edgeLayer);
      const title = make("title", {}, e.el);
      title.textContent = e.kind + (e.direction ? " (" + e.direction + ")" : "") + " ×" + e.evidence;
      e.el.addEventListener("click", () => describe(e, ["kind", "direction", "evidence", "documents", "claims"]));
    }
    for (const n of nodes) {
      const g = make("g", { class: "node", transform: "translate(" + n.x + "," + n.y + ")" }, nodeLayer);
      make("circle", { r: 9, fill: colours[n.type] || "#7f7f7f", stroke: "#fff", "stroke-width": 1.5 }, g);
      const label = make("text", { x: 12, y: 4 }, g);
      label.textContent = n.label;
      n.el = g;
      g.addEventListener("click", () => describe(n, ["label", "type", "curie", "iri"]));
      g.addEventListener("pointerdown", (ev) => startDrag(ev, n));
    }
  }

  function startDrag(ev, n) {
    ev.preventDefault();
    const move = (m) => {
      const box = svg.getBoundingClientRect();
      n.x = m.clientX - box.left;
      n.y = m.clientY - box.top;
      n.el.setAttribute("transform", "translate(" + n.x + "," + n.y + ")");
      for (const e of edges) {
        if (!e.el) continue;
        if (e.source === n.id) { e.el.setAttribute("x1", n.x); e.el.setAttribute("y1", n.y); }
        if (e.target === n.id) { e.el.setAttribute("x2", n.x); e.el.setAttribute("y2", n.y); }
      }
    };
    const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  }

  layout();
  draw();
  document.body.dataset.rendered = String(nodes.length);
})();
