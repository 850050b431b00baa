// The console's map layers. Python talks to it only through consoleMap.apply(batch) and the web channel.
// Every string that came from outside goes through esc() or textContent: never raw into HTML.
"use strict";
window.consoleMap = (function () {
  const STATUS_COLOURS = {
    Available: "#43a047", Dispatched: "#fdd835", EnRoute: "#fb8c00", OnScene: "#e53935",
    Transporting: "#ab47bc", Cleared: "#26a69a", OutofService: "#757575",
  };
  const BAND_SHAPES = { CRITICAL: "diamond", HIGH: "triangle", MEDIUM: "circle", LOW: "ring" };
  const TRAIL_MS = 5 * 60 * 1000;
  let map = null, bridge = null, cluster = null, sectorLayer = null, cameraLayer = null, unitCanvas = null;
  let socialLayer = null, geofenceLayer = null, trackLayer = null, callerLayer = null;
  let hotLayer = null, hotLegend = null;
  const incidents = new Map(), units = new Map(), cameras = new Map();
  let selected = null, followed = null;
  const visible = { incidents: true, units: true, sectors: true, cameras: true, social: true };

  function esc(value) {
    return String(value === undefined || value === null ? "" : value).replace(/[&<>"']/g,
      (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  // --- units: one canvas for all of them -------------------------------------------------------
  const UnitCanvas = L.Layer.extend({
    onAdd(m) {
      this._canvas = L.DomUtil.create("canvas", "unit-canvas");
      this._canvas.style.position = "absolute";
      this._canvas.style.pointerEvents = "none";
      this._canvas.style.zIndex = 450;
      m.getContainer().appendChild(this._canvas);
      m.on("move zoom resize viewreset", this.redraw, this);
      this.redraw();
    },
    onRemove(m) {
      m.off("move zoom resize viewreset", this.redraw, this);
      this._canvas.remove();
    },
    redraw() {
      if (!this._canvas || !map) return;
      const size = map.getSize(), ratio = window.devicePixelRatio || 1;
      const c = this._canvas;
      if (c.width !== size.x * ratio || c.height !== size.y * ratio) {
        c.width = size.x * ratio; c.height = size.y * ratio;
        c.style.width = size.x + "px"; c.style.height = size.y + "px";
      }
      const ctx = c.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      if (!visible.units) return;
      const zoom = map.getZoom(), labels = zoom >= 16, now = Date.now();
      const bounds = map.getBounds().pad(0.1);
      ctx.lineWidth = 2;
      for (const u of units.values()) {
        if (u.trail.length > 1 && labels) {
          ctx.strokeStyle = "rgba(255,255,255,0.25)";
          ctx.beginPath();
          u.trail.forEach((p, i) => {
            const q = map.latLngToContainerPoint([p[0], p[1]]);
            if (i === 0) ctx.moveTo(q.x, q.y); else ctx.lineTo(q.x, q.y);
          });
          ctx.stroke();
        }
      }
      for (const u of units.values()) {
        if (!bounds.contains([u.lat, u.lon])) continue;
        const p = map.latLngToContainerPoint([u.lat, u.lon]);
        const colour = u.stale ? "#8a8a8a" : (STATUS_COLOURS[u.status] || "#9e9e9e");
        ctx.fillStyle = colour;
        ctx.strokeStyle = u.stale ? "#cfcfcf" : "#111";
        ctx.setLineDash(u.stale ? [3, 2] : []);
        ctx.beginPath(); ctx.arc(p.x, p.y, 6, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
        ctx.setLineDash([]);
        if (u.course !== null && u.speed > 0.5 && !u.stale) {
          const a = (u.course - 90) * Math.PI / 180;
          ctx.strokeStyle = colour;
          ctx.beginPath(); ctx.moveTo(p.x, p.y); ctx.lineTo(p.x + 14 * Math.cos(a), p.y + 14 * Math.sin(a)); ctx.stroke();
        }
        if (labels) {
          ctx.font = "bold 12px DejaVu Sans, sans-serif";
          ctx.fillStyle = "#f5f5f5"; ctx.strokeStyle = "#000"; ctx.lineWidth = 3;
          const text = u.callsign + (u.stale ? " (stale)" : "");  // canvas text: never parsed as HTML
          ctx.strokeText(text, p.x + 9, p.y - 8); ctx.fillText(text, p.x + 9, p.y - 8);
          ctx.lineWidth = 2;
        }
      }
    },
    unitAt(point) {
      let best = null, bestDistance = 10;
      for (const u of units.values()) {
        const p = map.latLngToContainerPoint([u.lat, u.lon]);
        const d = Math.hypot(p.x - point.x, p.y - point.y);
        if (d < bestDistance) { best = u; bestDistance = d; }
      }
      return best;
    },
  });

  // --- incidents ---------------------------------------------------------------------------------
  function incidentIcon(item) {
    const shape = BAND_SHAPES[item.band] || "circle";
    const classes = ["incident", shape, item.band.toLowerCase()];
    if (item.pulse) classes.push("pulse");
    if (item.id === selected) classes.push("selected");
    if (!item.open) classes.push("closed");
    return L.divIcon({
      className: "", iconSize: [26, 26], iconAnchor: [13, 13],
      // glyph from a fixed table, priority a number: nothing from outside goes into this HTML
      html: '<div class="' + classes.join(" ") + '"><span>' + esc(item.glyph) + "</span></div>",
    });
  }

  function upsertIncident(item) {
    let marker = incidents.get(item.id);
    if (!marker) {
      marker = L.marker([item.lat, item.lon], { icon: incidentIcon(item), keyboard: false });
      marker.on("click", () => { if (bridge) bridge.incidentClicked(item.id); });
      marker.bindTooltip("", { direction: "top", offset: [0, -12] });
      incidents.set(item.id, marker);
      cluster.addLayer(marker);
    } else {
      marker.setLatLng([item.lat, item.lon]);
      marker.setIcon(incidentIcon(item));
    }
    marker.item = item;
    marker.setTooltipContent(esc(item.number) + " · priority " + Number(item.priority) + " " + esc(item.band) +
      "<br>" + esc(item.type) + "<br>" + esc(item.address));
  }

  function removeIncident(id) {
    const marker = incidents.get(id);
    if (marker) { cluster.removeLayer(marker); incidents.delete(id); }
  }

  // --- units -------------------------------------------------------------------------------------
  function upsertUnit(item) {
    const previous = units.get(item.id);
    const trail = previous ? previous.trail : [];
    const now = Date.now();
    if (!previous || previous.lat !== item.lat || previous.lon !== item.lon) trail.push([item.lat, item.lon, now]);
    while (trail.length && now - trail[0][2] > TRAIL_MS) trail.shift();
    units.set(item.id, Object.assign({}, item, { trail }));
  }

  function unitPopup(u, latlng) {
    const box = document.createElement("div");
    box.className = "unit-popup";
    const title = document.createElement("b");
    title.textContent = u.callsign + " · " + u.agency;
    const line = document.createElement("div");
    line.textContent = u.statusText + (u.incident ? " · " + u.incident : "");  // texts translated in Python
    const button = document.createElement("button");
    button.textContent = u.dispatchText;
    button.disabled = !u.available || !selected;
    button.addEventListener("click", () => { if (bridge) bridge.dispatchUnit(u.id); map.closePopup(); });
    box.append(title, line, button);
    L.popup({ offset: [0, -6] }).setLatLng(latlng).setContent(box).openOn(map);
  }

  // --- cameras and sectors ---------------------------------------------------------------------
  function upsertCamera(item) {
    let marker = cameras.get(item.id);
    if (!marker) {
      marker = L.marker([item.lat, item.lon], {
        icon: L.divIcon({ className: "", iconSize: [16, 16], iconAnchor: [8, 8], html: '<div class="camera">▣</div>' }),
      });
      marker.on("click", () => { if (bridge) bridge.cameraClicked(item.id); });
      marker.bindTooltip("");
      cameras.set(item.id, marker);
      cameraLayer.addLayer(marker);
    }
    marker.setLatLng([item.lat, item.lon]);
    marker.setTooltipContent(esc(item.name) + " (" + esc(item.status) + ")");
  }

  // --- geotagged social posts: text only, through textContent --------------------------------------
  function postCard(item) {
    const card = document.createElement("div");
    card.className = "post-card";
    const head = document.createElement("div");
    head.className = "post-head";
    head.textContent = item.head;
    const body = document.createElement("div");
    body.className = "post-text";
    body.textContent = item.text;
    card.append(head, body);
    return card;
  }

  function setSocial(items) {
    socialLayer.clearLayers();
    items.forEach((item) => {
      const marker = L.circleMarker([item.lat, item.lon], {
        radius: item.matched ? 6 : 4, weight: item.matched ? 2 : 1, color: item.matched ? "#ffb300" : "#b39ddb",
        fillColor: item.matched ? "#ffca28" : "#7e57c2", fillOpacity: item.matched ? 0.85 : 0.5,
      });
      marker.bindTooltip(postCard(item), { className: "post-tooltip", maxWidth: 320 });
      socialLayer.addLayer(marker);
    });
  }

  // --- TAK tracks of no unit: a hollow square and the callsign (textContent); a click offers the units -------
  function setTracks(items) {
    trackLayer.clearLayers();
    items.forEach((item) => {
      const icon = L.divIcon({ className: "track-icon" + (item.stale ? " track-stale" : ""), iconSize: [14, 14] });
      const marker = L.marker([item.lat, item.lon], { icon, keyboard: false });
      const label = document.createElement("span");
      label.textContent = item.label;
      marker.bindTooltip(label, { permanent: true, direction: "right", offset: [8, 0], className: "track-label" });
      marker.on("click", () => { if (bridge) bridge.trackClicked(item.uid); });
      marker.uid = item.uid;
      trackLayer.addLayer(marker);
    });
  }

  // A caller's phone (the citizens' page): a cyan dot, its accuracy as a circle, a label (text only).
  function setCallers(items) {
    callerLayer.clearLayers();
    items.forEach((item) => {
      const circle = L.circle([item.lat, item.lon], { radius: Math.max(item.accuracy_m, 1), color: "#00e5ff",
        weight: 1, fillOpacity: 0.12, interactive: false });
      const icon = L.divIcon({ className: "caller-icon", iconSize: [16, 16] });
      const marker = L.marker([item.lat, item.lon], { icon, keyboard: false });
      const label = document.createElement("span");
      label.textContent = item.label;
      marker.bindTooltip(label, { permanent: true, direction: "right", offset: [9, 0], className: "caller-label" });
      marker.on("click", () => { if (bridge) bridge.incidentClicked(item.incident_id); });
      marker.accuracy = circle;
      callerLayer.addLayer(circle);
      callerLayer.addLayer(marker);
    });
  }

  // Hot spots: hexagons shaded by the incidents recorded there, a legend with the counts (texts as text only).
  function setHotspots(layer) {
    hotLayer.clearLayers();
    if (hotLegend) { hotLegend.remove(); hotLegend = null; }
    if (!layer.bins.length && !layer.legend.length) return;
    layer.bins.forEach((bin) => {
      const hexagon = L.polygon(bin.corners, { color: bin.colour, weight: 1, fillColor: bin.colour,
        fillOpacity: bin.opacity, interactive: true });
      const label = document.createElement("span");
      label.textContent = bin.label;
      hexagon.bindTooltip(label, { sticky: true });
      hexagon.count = bin.count;
      hotLayer.addLayer(hexagon);
    });
    hotLegend = L.control({ position: "bottomright" });
    hotLegend.onAdd = () => {
      const box = L.DomUtil.create("div", "hotspot-legend");
      const title = document.createElement("b");
      title.textContent = layer.title;
      box.appendChild(title);
      layer.legend.forEach((line) => {
        const row = document.createElement("div");
        const swatch = document.createElement("i");
        swatch.style.background = line.colour;
        row.appendChild(swatch);
        row.appendChild(document.createTextNode(`${line.label}: ${line.count}`));
        box.appendChild(row);
      });
      const note = document.createElement("div");
      note.className = "hotspot-note";
      note.textContent = layer.note;
      box.appendChild(note);
      return box;
    };
    hotLegend.addTo(map);
  }

  // --- drawing a geofence: click the corners, double-click (or click the first corner) to finish, Esc cancels
  let drawing = null;

  function startDrawing() {
    stopDrawing();
    drawing = { points: [], line: L.polyline([], { color: "#ffb300", weight: 3, dashArray: "6 4" }).addTo(map) };
    map.doubleClickZoom.disable();
    map.getContainer().style.cursor = "crosshair";
  }

  function stopDrawing() {
    if (!drawing) return;
    drawing.line.remove();
    drawing = null;
    map.doubleClickZoom.enable();
    map.getContainer().style.cursor = "";
  }

  function drawClick(latlng) {
    const first = drawing.points[0];
    if (first && drawing.points.length >= 3 && map.latLngToContainerPoint(first).distanceTo(
      map.latLngToContainerPoint(latlng)) < 10) { finishDrawing(); return; }
    drawing.points.push(latlng);
    drawing.line.setLatLngs([...drawing.points, drawing.points[0]]);
  }

  function finishDrawing() {
    const ring = drawing.points.map((p) => [p.lng, p.lat]);
    stopDrawing();
    if (ring.length >= 3 && bridge) bridge.geofenceDrawn(JSON.stringify(ring));
  }

  function showGeofence(geojson) {
    geofenceLayer.clearLayers();
    if (geojson) geofenceLayer.addData(geojson);
  }

  function setSectors(geojson) {
    sectorLayer.clearLayers();
    sectorLayer.addData(geojson);
  }

  function setVisible(name, show) {
    visible[name] = show;
    const layer = { incidents: cluster, sectors: sectorLayer, cameras: cameraLayer, social: socialLayer,
      tracks: trackLayer, callers: callerLayer }[name];
    if (layer) { if (show) map.addLayer(layer); else map.removeLayer(layer); }
    if (name === "units") unitCanvas.redraw();
  }

  // The base map's file arrived after the page asked for its tiles: ask them again, under a new URL so that
  // none of the refusals is reused.
  function reloadBase(generation) {
    map.eachLayer((layer) => {
      if (!(layer instanceof L.TileLayer)) return;
      if (layer.baseUrl === undefined) layer.baseUrl = layer._url;
      layer.setUrl(layer.baseUrl + (layer.baseUrl.includes("?") ? "&" : "?") + "v=" + generation);
    });
  }

  // --- the batch Python sends ----------------------------------------------------------------------
  function apply(batch) {
    const started = performance.now();
    if (batch.selected !== undefined) {
      const before = selected;
      selected = batch.selected;
      [before, selected].forEach((id) => { const m = incidents.get(id); if (m) m.setIcon(incidentIcon(m.item)); });
    }
    (batch.incidents || []).forEach(upsertIncident);
    (batch.removed || []).forEach(removeIncident);
    (batch.units || []).forEach(upsertUnit);
    (batch.gone_units || []).forEach((id) => units.delete(id));
    (batch.cameras || []).forEach(upsertCamera);
    if (batch.sectors) setSectors(batch.sectors);
    if (batch.social) setSocial(batch.social);
    if (batch.tracks) setTracks(batch.tracks);
    if (batch.callers) setCallers(batch.callers);
    if (batch.hotspots) setHotspots(batch.hotspots);
    if (batch.draw) startDrawing();
    if (batch.geofence !== undefined) showGeofence(batch.geofence);
    if (batch.layers) Object.entries(batch.layers).forEach(([name, show]) => setVisible(name, show));
    if (batch.base !== undefined) reloadBase(batch.base);
    if (batch.follow !== undefined) followed = batch.follow;
    if (followed && units.has(followed)) { const u = units.get(followed); map.panTo([u.lat, u.lon], { animate: false }); }
    if (batch.focus) map.setView([batch.focus.lat, batch.focus.lon], batch.focus.zoom || map.getZoom());
    if (batch.fit && incidents.size) {
      map.fitBounds(L.latLngBounds([...incidents.values()].map((m) => m.getLatLng())).pad(0.15));
    }
    unitCanvas.redraw();
    return performance.now() - started;
  }

  function init(leafletMap) {
    map = leafletMap;
    cluster = L.markerClusterGroup({ disableClusteringAtZoom: 15, showCoverageOnHover: false, maxClusterRadius: 40 });
    sectorLayer = L.geoJSON(null, {
      style: { color: "#64b5f6", weight: 2, dashArray: "6 4", fillOpacity: 0.03 },
      interactive: false,
      onEachFeature: (feature, layer) => layer.bindTooltip(esc(feature.properties && feature.properties.name),
        { permanent: true, direction: "center", className: "sector-label" }),
    });
    cameraLayer = L.layerGroup();
    socialLayer = L.layerGroup();
    trackLayer = L.layerGroup();
    callerLayer = L.layerGroup();
    hotLayer = L.layerGroup();
    geofenceLayer = L.geoJSON(null, { style: { color: "#ffb300", weight: 2, fillOpacity: 0.08 }, interactive: false });
    map.addLayer(geofenceLayer);
    unitCanvas = new UnitCanvas();
    [hotLayer, sectorLayer, socialLayer, cameraLayer, trackLayer, callerLayer, cluster, unitCanvas].forEach((layer) => map.addLayer(layer));
    map.on("click", (e) => {
      if (drawing) { drawClick(e.latlng); return; }
      const u = unitCanvas.unitAt(e.containerPoint);
      if (u) { unitPopup(u, e.latlng); if (bridge) bridge.unitClicked(u.id); }
    });
    map.on("dblclick", () => { if (drawing && drawing.points.length >= 3) finishDrawing(); });
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") stopDrawing(); });
    map.on("contextmenu", (e) => { if (bridge) bridge.contextMenu(e.latlng.lat, e.latlng.lng); });
    new QWebChannel(qt.webChannelTransport, (channel) => {
      bridge = channel.objects.bridge;
      bridge.pageReady();
    });
  }

  // folium declares its map as a global named after the map's div, in an inline script at the end of the
  // body: once the page has loaded, find that div and start.
  window.addEventListener("load", () => {
    const div = document.querySelector(".folium-map");
    if (div && window[div.id]) init(window[div.id]);
  });

  return {
    fire: (type, lat, lon) => map.fire(type, { latlng: L.latLng(lat, lon),
      containerPoint: map.latLngToContainerPoint([lat, lon]) }),
    drawingCorners: () => (drawing ? drawing.points.length : -1),
    geofenceShapes: () => geofenceLayer.getLayers().length,
    socialTexts: () => socialLayer.getLayers().map((m) => m.getTooltip().getContent().textContent),
    init, apply, esc,
    incidentIds: () => [...incidents.keys()],
    unitCount: () => units.size,
    unitIds: () => [...units.keys()],
    hotspotCounts: () => hotLayer.getLayers().map((h) => h.count),
    hotspotLegend: () => (hotLegend ? hotLegend.getContainer().textContent : ""),
    callerLabels: () => callerLayer.getLayers().filter((m) => m.getTooltip && m.getTooltip())
      .map((m) => m.getTooltip().getContent().textContent),
    callerCircles: () => callerLayer.getLayers().filter((m) => m.getRadius).map((c) => c.getRadius()),
    trackLabels: () => trackLayer.getLayers().map((m) => m.getTooltip().getContent().textContent),
    clickTrack: (uid) => { trackLayer.getLayers().find((m) => m.uid === uid).fire("click"); },
    unitAt: (id) => { const u = units.get(id); return u ? [u.lat, u.lon] : null; },
    sectorNames: () => sectorLayer.getLayers().map((l) => l.feature.properties.name),
    clickIncident: (id) => incidents.get(id).fire("click"),
    showUnitPopup: (id) => { const u = units.get(id); unitPopup(u, L.latLng(u.lat, u.lon)); },
    tooltipOf: (id) => incidents.get(id).getTooltip().getContent(),
  };
})();
