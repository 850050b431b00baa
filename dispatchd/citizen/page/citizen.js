// The citizens' page (a link from the command centre) and the field page (an officer logged in).
// No framework, no cookie, nothing from elsewhere: the page's policy allows scripts from this server only.
// Every text that came from outside is set with textContent, never as HTML.
"use strict";

const WORDS = {
  en: {
    title: "Command centre", field_title: "Photos from the field",
    intro: "Send the operator what you see. Everything goes only to the centre handling your call.",
    locate: "Share my location", located: "Location shared (accurate to {m} m)", locating: "Finding your location…",
    no_location: "Your location could not be found: {why}",
    take: "Take a photo or video", choose: "Choose photos or videos",
    message: "Message to the operator", note: "Note to the centre", send: "Send the message",
    live: "Show the operator live", live_stop: "Stop the live video", live_on: "The operator can see your camera.",
    live_failed: "Live video could not start: {why}",
    valid_until: "This link is valid until {time}.",
    expired: "This link has expired. If you have more to send, call the centre again.",
    revoked: "This link was closed by the centre.",
    unknown: "This link is not known. Check it, or call the centre again.",
    waiting: "waiting…", sending: "sending… {pct} %", sent: "sent ✓", resuming: "network lost: resuming…",
    refused: "not accepted: {why}", message_sent: "Message sent ✓", your_message: "Your message",
    username: "User name", password: "Password", otp: "Authenticator code (if asked)", login: "Log in",
    incident: "Incident", no_incident: "Your unit is assigned to no open incident.",
    login_failed: "Login failed: {why}", too_many: "Too many requests: wait a moment.",
  },
  fr: {
    title: "Centre de commandement", field_title: "Photos du terrain",
    intro: "Envoyez à l'opérateur ce que vous voyez. Tout va uniquement au centre qui traite votre appel.",
    locate: "Partager ma position", located: "Position partagée (précise à {m} m)", locating: "Recherche de votre position…",
    no_location: "Votre position n'a pas pu être trouvée : {why}",
    take: "Prendre une photo ou une vidéo", choose: "Choisir des photos ou des vidéos",
    message: "Message à l'opérateur", note: "Note au centre", send: "Envoyer le message",
    live: "Montrer en direct à l'opérateur", live_stop: "Arrêter le direct", live_on: "L'opérateur voit votre caméra.",
    live_failed: "Le direct n'a pas pu démarrer : {why}",
    valid_until: "Ce lien est valable jusqu'à {time}.",
    expired: "Ce lien a expiré. Si vous avez autre chose à envoyer, rappelez le centre.",
    revoked: "Ce lien a été fermé par le centre.",
    unknown: "Ce lien est inconnu. Vérifiez-le ou rappelez le centre.",
    waiting: "en attente…", sending: "envoi… {pct} %", sent: "envoyé ✓", resuming: "réseau perdu : reprise…",
    refused: "refusé : {why}", message_sent: "Message envoyé ✓", your_message: "Votre message",
    username: "Identifiant", password: "Mot de passe", otp: "Code de l'authentificateur (si demandé)",
    login: "Se connecter", incident: "Intervention", no_incident: "Votre unité n'est engagée sur aucune intervention ouverte.",
    login_failed: "Connexion refusée : {why}", too_many: "Trop de demandes : patientez un instant.",
  },
};
const LANG = (navigator.languages && navigator.languages[0] || navigator.language || "en").toLowerCase().startsWith("fr") ? "fr" : "en";
function t(key, args) {
  let text = (WORDS[LANG][key] || WORDS.en[key] || key);
  for (const [name, value] of Object.entries(args || {})) text = text.replace("{" + name + "}", String(value));
  return text;
}
const $ = (id) => document.getElementById(id);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

const MODE = document.body.dataset.mode;
let base = "";            // where this page sends: /c/{link} or /api/v1/field/incidents/{id}
let token = null;         // the field officer's (in memory only: no cookie, no storage)
let chunkBytes = 1 << 20;
let lastPosition = null;

class HttpError extends Error {
  constructor(status, body) { super((body && body.detail) || ("HTTP " + status)); this.status = status; this.body = body || {}; }
}

async function call(method, path, body, headers) {
  const init = { method, headers: Object.assign({}, headers || {}), cache: "no-store", credentials: "omit" };
  if (token) init.headers.Authorization = "Bearer " + token;
  if (body instanceof Blob) {
    init.body = body;
    init.headers["Content-Type"] = "application/octet-stream";
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers["Content-Type"] = "application/json";
  }
  const answer = await fetch(path, init);
  let parsed = null;
  try { parsed = await answer.json(); } catch (_) { parsed = null; }
  if (!answer.ok) throw new HttpError(answer.status, parsed);
  return parsed;
}

function banner(text, ok) {
  const el = $("banner");
  el.textContent = text;
  el.className = ok ? "banner ok" : "banner";
  el.hidden = false;
}

function closed(error) {
  // The link's end: whatever the page was doing, say why, and offer nothing more.
  const state = error.body && error.body.state;
  if (error.status === 410 || error.status === 404) {
    banner(t(state === "revoked" ? "revoked" : state === "unknown" || error.status === 404 ? "unknown" : "expired"));
    $("actions").hidden = true;
    return true;
  }
  return false;
}

// --- items (uploads and messages) ------------------------------------------------------------------------
function newItem(name) {
  const li = document.createElement("li");
  const title = document.createElement("div");
  title.className = "name";
  title.textContent = name;
  const bar = document.createElement("progress");
  bar.max = 100; bar.value = 0;
  const state = document.createElement("div");
  state.className = "state";
  state.textContent = t("waiting");
  li.append(title, bar, state);
  $("items").prepend(li);
  return {
    li,
    progress(pct) { bar.value = pct; state.className = "state"; state.textContent = t("sending", { pct: Math.floor(pct) }); },
    note(text, kind) { state.className = "state " + (kind || ""); state.textContent = text; },
    done() { bar.value = 100; state.className = "state done"; state.textContent = t("sent"); li.dataset.done = "1"; },
  };
}

function kindOf(file) {
  if (file.type.startsWith("image/")) return "photo";
  if (file.type.startsWith("audio/")) return "audio";
  return "video";
}

async function upload(file) {
  const item = newItem(file.name || kindOf(file));
  const start = { kind: kindOf(file), size: file.size, name: (file.name || "").slice(0, 200) || null };
  if (file.lastModified) start.captured_at = new Date(file.lastModified).toISOString();
  if (lastPosition) Object.assign(start, lastPosition);
  let session;
  for (let attempt = 0; ; attempt++) {
    try { session = await call("POST", base + "/uploads", start); break; } catch (error) {
      if (closed(error)) return;
      if (error.status && error.status !== 429 && error.status < 500) { item.note(t("refused", { why: error.message }), "bad"); return; }
      item.note(t("resuming"));
      await sleep(Math.min(10000, 1000 * 2 ** attempt));
    }
  }
  let offset = session.offset;
  let failures = 0;
  while (offset < file.size) {
    const end = Math.min(offset + chunkBytes, file.size);
    try {
      const answer = await call("PUT", base + "/uploads/" + session.id, file.slice(offset, end),
        { "Content-Range": "bytes " + offset + "-" + (end - 1) + "/" + file.size });
      offset = answer.offset;
      failures = 0;
      item.progress(100 * offset / file.size);
    } catch (error) {
      if (closed(error)) return;
      if (error.status === 409 && typeof error.body.offset === "number") { offset = error.body.offset; continue; }
      if (error.status && error.status !== 429 && error.status < 500) { item.note(t("refused", { why: error.message }), "bad"); return; }
      // The network dropped (or the server is busy): wait, ask where the upload stands, go on from there.
      failures++;
      item.note(t("resuming"));
      await sleep(Math.min(10000, 500 * 2 ** Math.min(failures, 5)));
      try { offset = (await call("GET", base + "/uploads/" + session.id)).offset; } catch (_) { /* next round */ }
    }
  }
  item.done();
}

function pick(input) {
  input.addEventListener("change", () => {
    const files = Array.from(input.files || []);
    input.value = "";
    (async () => { for (const file of files) await upload(file); })();
  });
}

async function sendMessage() {
  const text = $("text").value.trim();
  if (!text) return;
  const item = newItem(t("your_message"));
  try {
    await call("POST", base + "/messages", { text });
    $("text").value = "";
    item.done();
    item.note(t("message_sent"), "done");
  } catch (error) {
    if (!closed(error)) item.note(t("refused", { why: error.message }), "bad");
  }
}

// --- location ----------------------------------------------------------------------------------------------
let lastSent = 0;
function locate() {
  if (!navigator.geolocation) { $("located").textContent = t("no_location", { why: "—" }); return; }
  $("located").textContent = t("locating");
  const send = async (where) => {
    lastPosition = { lat: where.coords.latitude, lon: where.coords.longitude, accuracy_m: Math.round(where.coords.accuracy) };
    if (Date.now() - lastSent < 15000 && lastSent) return;
    lastSent = Date.now();
    try {
      await call("POST", base + "/position", lastPosition);
      $("located").textContent = t("located", { m: lastPosition.accuracy_m });
    } catch (error) { if (!closed(error)) $("located").textContent = t("no_location", { why: error.message }); }
  };
  const failed = (error) => { $("located").textContent = t("no_location", { why: error.message }); };
  navigator.geolocation.getCurrentPosition(send, failed, { enableHighAccuracy: true, timeout: 20000 });
  navigator.geolocation.watchPosition(send, () => {}, { enableHighAccuracy: true });
}

// --- live video --------------------------------------------------------------------------------------------
let peer = null, stream = null;
async function toggleLive() {
  if (peer) { stopLive(); return; }
  const button = $("live");
  button.disabled = true;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment", width: { ideal: 1280 } }, audio: false });
    $("preview").srcObject = stream;
    $("preview").hidden = false;
    await $("preview").play().catch(() => {});
    peer = new RTCPeerConnection();
    for (const track of stream.getTracks()) peer.addTrack(track, stream);
    await peer.setLocalDescription(await peer.createOffer());
    await new Promise((done) => {  // the server takes the whole offer at once (no trickle)
      if (peer.iceGatheringState === "complete") return done();
      peer.addEventListener("icegatheringstatechange", () => { if (peer.iceGatheringState === "complete") done(); });
      setTimeout(done, 3000);
    });
    const answer = await call("POST", base + "/live", { sdp: peer.localDescription.sdp, type: "offer" });
    await peer.setRemoteDescription(answer);
    button.textContent = t("live_stop");
    $("preview").scrollIntoView({ block: "nearest" });
    banner(t("live_on"), true);
  } catch (error) {
    if (!closed(error)) banner(t("live_failed", { why: error.message }));
    stopLive();
  } finally { button.disabled = false; }
}
function stopLive() {
  if (peer) { peer.close(); peer = null; }
  if (stream) { for (const track of stream.getTracks()) track.stop(); stream = null; }
  $("preview").hidden = true;
  $("live").textContent = t("live");
  $("banner").hidden = true;
}

// --- start ---------------------------------------------------------------------------------------------------
function translate() {
  document.documentElement.lang = LANG;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  document.title = t(MODE === "field" ? "field_title" : "title");
}

function wire() {
  pick($("take"));
  pick($("choose"));
  $("send").addEventListener("click", sendMessage);
  if ($("locate")) $("locate").addEventListener("click", locate);
  if ($("live")) $("live").addEventListener("click", toggleLive);
}

async function startCitizen() {
  const link = location.pathname.split("/")[2] || "";
  base = "/c/" + encodeURIComponent(link);
  try {
    const status = await call("GET", base + "/status");
    chunkBytes = status.chunk_bytes || chunkBytes;
    const until = new Date(status.expires_at);
    $("validity").textContent = t("valid_until", { time: until.toLocaleTimeString(LANG, { hour: "2-digit", minute: "2-digit" }) });
    $("actions").hidden = false;
  } catch (error) {
    if (!closed(error)) banner(error.message);
  }
}

async function startField() {
  $("login").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new URLSearchParams({ username: $("username").value, password: $("password").value, otp: $("otp").value });
    try {
      const answer = await fetch("/api/v1/auth/token", { method: "POST", body: form, credentials: "omit", cache: "no-store" });
      const body = await answer.json().catch(() => ({}));
      if (!answer.ok) throw new HttpError(answer.status, body);
      token = body.access_token;
      const incidents = await call("GET", "/api/v1/field/incidents");
      $("login").hidden = true;
      $("banner").hidden = true;
      if (!incidents.length) { banner(t("no_incident")); return; }
      const select = $("incident");
      select.replaceChildren();
      for (const incident of incidents) {
        const option = document.createElement("option");
        option.value = incident.id;
        option.textContent = [incident.number, incident.type_text, incident.address].filter(Boolean).join(" · ");
        select.append(option);
      }
      const choose = () => { base = "/api/v1/field/incidents/" + encodeURIComponent(select.value); };
      select.addEventListener("change", choose);
      choose();
      $("pick").hidden = false;
      $("actions").hidden = false;
    } catch (error) {
      banner(t("login_failed", { why: error.message }));
    }
  });
}

translate();
wire();
if (MODE === "field") startField(); else startCitizen();
