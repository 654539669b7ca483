// The dashboard: sign in with an admin token, then read the server's figures every second and
// draw them. Everything a user can control (ids, channels, divisions) goes in as text, never HTML.
import { api, token, ApiError } from "./api.js";
import { t, num, clock, dateTime, language, setLanguage } from "./i18n.js";
import { LineChart } from "./charts.js";
import * as m from "./metrics.js";

const REFRESH_MS = 1000;
const PERCENTILE_WINDOW_MS = 10_000;
const MINUTE_MS = 60_000;
const KEEP_MS = 70_000;

const $ = (id) => document.getElementById(id);
let snapshots = []; // { at, raw, index } of GET /admin/metrics, oldest first
let charts = null;
let last = null; // the latest answers, drawn again when the language changes
let lastAnswer = 0;
let running = false;

// ---- signing in and out

$("sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  token.set($("token").value.trim());
  await start();
});

$("sign-out").addEventListener("click", () => signOut(""));

$("lang").addEventListener("change", (event) => {
  setLanguage(event.target.value);
  if (charts) {
    const labels = chartLabels();
    Object.entries(charts).forEach(([name, chart]) => chart.relabel(labels[name]));
  }
  if (last) render(last);
});

async function start() {
  $("sign-in-error").textContent = "";
  try {
    await api.metrics();
  } catch (e) {
    signOut(reason(e));
    return;
  }
  $("sign-in-form").hidden = true;
  $("board").hidden = false;
  $("sign-out").hidden = false;
  if (!charts) {
    const labels = chartLabels();
    charts = {
      rate: new LineChart($("chart-rate"), labels.rate, clock, num),
      connections: new LineChart($("chart-connections"), labels.connections, clock, num),
      latency: new LineChart($("chart-latency"), labels.latency, clock, num),
    };
  }
  if (!running) {
    running = true;
    loop();
  }
}

function signOut(message) {
  token.clear();
  running = false;
  $("board").hidden = true;
  $("sign-out").hidden = true;
  $("sign-in-form").hidden = false;
  $("sign-in-error").textContent = message;
}

function reason(error) {
  if (error instanceof ApiError && error.status === 403) return t("notAdmin");
  if (error instanceof ApiError) return t("refused", error.code || error.status);
  return t("unreachable");
}

function chartLabels() {
  return {
    rate: [t("rate"), t("clusterRate")],
    connections: [t("connections"), t("users")],
    latency: [t("p50"), t("p95"), t("p99"), t("average")],
  };
}

// ---- the refresh loop

async function loop() {
  if (!running) return;
  await refresh();
  setTimeout(loop, REFRESH_MS);
}

async function refresh() {
  const [metrics, stats, connections, online] = await Promise.allSettled([
    api.metrics(),
    api.stats(),
    api.connections(),
    api.online(),
  ]);
  const refused = [metrics, stats].find(
    (r) => r.status === "rejected" && r.reason instanceof ApiError && [401, 403].includes(r.reason.status),
  );
  if (refused) {
    signOut(reason(refused.reason));
    return;
  }
  const now = Date.now();
  if (metrics.status === "fulfilled") {
    snapshots.push({ at: now, raw: metrics.value, index: m.index(metrics.value) });
    snapshots = snapshots.filter((s) => now - s.at <= KEEP_MS);
  }
  if (metrics.status === "fulfilled" && stats.status === "fulfilled") lastAnswer = now;
  last = {
    stats: value(stats),
    connections: value(connections),
    online: value(online),
  };
  render(last);
  plot(last);
}

function value(result) {
  return result.status === "fulfilled" ? result.value : null;
}

/** The snapshot taken closest to ms ago (the oldest one when none is that old). */
function snapshotAgo(ms) {
  const target = Date.now() - ms;
  return snapshots.find((s) => s.at >= target) || snapshots[0];
}

// ---- drawing

function render({ stats, connections, online }) {
  const seconds = Math.round((Date.now() - lastAnswer) / 1000);
  $("updated").textContent = lastAnswer ? clock(new Date(lastAnswer)) : "–";
  $("stale").textContent = lastAnswer && seconds >= 3 ? t("stale", num(seconds)) : "";
  if (stats) {
    $("total-connections").textContent = num(stats.total_connections);
    $("active-users").textContent = num(stats.active_users);
    $("mps").textContent = num(stats.messages_per_second, 2);
    $("node-count").textContent = t("nodeCount", num(stats.nodes.length));
    rows($("nodes"), stats.nodes, (n) => [
      n.node_id,
      [num(n.connections), "num"],
      [num(n.active_users), "num"],
      [num(n.messages_per_second, 2), "num"],
      dateTime(n.started_at),
    ]);
  }
  renderLatency();
  renderCounters($("errors"), isError);
  renderCounters($("shed"), isShed);
  renderKafkaLag();
  if (online) renderPresence(online);
  if (connections) renderConnections(connections.connections);
}

function plot({ stats }) {
  const now = new Date();
  const newest = snapshots[snapshots.length - 1];
  const before = snapshotAgo(5_000);
  const local = before === newest ? null : m.rate(before, newest, "realtime.deliveries");
  charts.rate.push(now, [local, stats ? stats.messages_per_second : null]);
  charts.connections.push(now, [stats?.total_connections ?? null, stats?.active_users ?? null]);
  const found = latencies();
  const timer = found.find((l) => l.main);
  const average = found.find((l) => l.average);
  charts.latency.push(now, [timer?.p50 ?? null, timer?.p95 ?? null, timer?.p99 ?? null, average?.value ?? null]);
  const board = $("board");
  board.dataset.refreshes = String(Number(board.dataset.refreshes || 0) + 1);
}

function meters() {
  const newest = snapshots[snapshots.length - 1];
  return newest ? newest.raw.meters : [];
}

/**
 * Every latency meter in ms: timers with percentiles of the last 10 s (from their buckets, else
 * the percentiles the server computes, else the mean), and the one-minute average gauge.
 */
function latencies() {
  const older = snapshotAgo(PERCENTILE_WINDOW_MS);
  const found = [];
  for (const meter of meters()) {
    if (!/latency|duration|lag\.seconds/.test(meter.name)) continue;
    if (meter.type === "timer" || meter.type === "distribution_summary") {
      const then = older?.index.get(m.key(meter));
      const scale = meter.unit === "seconds" ? 1000 : 1;
      const pick = (q) => {
        const fromBuckets = m.percentile(then === meter ? null : then, meter, q);
        const fromServer = meter.percentiles?.[String(q)];
        const v = fromBuckets ?? fromServer ?? m.mean(then, meter);
        return v === null || v === undefined ? null : v * scale;
      };
      found.push({
        name: m.key(meter),
        p50: pick(0.5),
        p95: pick(0.95),
        p99: pick(0.99),
        count: meter.count,
        main: /deliver/.test(meter.name),
      });
    } else if (meter.type === "gauge" && meter.value !== null) {
      found.push({ name: `${m.key(meter)} (${t("average")})`, value: meter.value, average: true });
    }
  }
  return found;
}

/** The headline figure: a delivery timer's p95 where the server has one, else the average. */
function renderLatency() {
  const found = latencies();
  const timer = found.find((l) => l.main);
  const average = found.find((l) => l.average);
  $("latency-label").textContent = t(timer ? "latencyP95" : "latencyAverage");
  $("latency-p95").textContent = num(timer ? timer.p95 : average?.value, 1);
  rows($("latency"), found, (l) => l.average ? [short(l.name), "", [num(l.value, 1), "num"], "", ""] : [
    short(l.name),
    [num(l.p50, 1), "num"],
    [num(l.p95, 1), "num"],
    [num(l.p99, 1), "num"],
    [num(l.count), "num"],
  ]);
}

function isShed(meter) {
  return /shed|coalesc|dropped/.test(meter.name);
}

function isError(meter) {
  return !isShed(meter) && (/error|refus|reject|rate_?limit|invalid|dead_?letter/.test(meter.name) || "code" in (meter.tags || {}));
}

function renderCounters(table, wanted) {
  const newest = snapshots[snapshots.length - 1];
  const minuteAgo = snapshotAgo(MINUTE_MS);
  // only what happened: a server counts every error code and priority, most of them stay 0
  const found = meters().filter((meter) => meter.type === "counter" && meter.value > 0 && wanted(meter));
  rows(table, found, (meter) => [
    short(meter.name),
    m.kind(meter),
    [num(meter.value), "num"],
    [num(minuteAgo === newest ? null : m.growth(minuteAgo, newest, m.key(meter))), "num"],
  ]);
}

function renderKafkaLag() {
  const lags = meters().filter((meter) => /kafka.*lag/.test(meter.name) && meter.type === "gauge");
  $("kafka-lag").classList.toggle("word", lags.length === 0);
  $("kafka-lag").textContent = lags.length === 0
    ? t("notConfigured")
    : num(lags.reduce((sum, meter) => sum + (meter.value || 0), 0));
}

function renderPresence(online) {
  const divisions = Object.entries(online.by_location || {}).sort((a, b) => b[1] - a[1]);
  const most = Math.max(1, ...divisions.map(([, n]) => n));
  rows($("presence"), divisions, ([division, n]) => {
    const bar = document.createElement("div");
    bar.className = "bar";
    bar.style.width = `${(100 * n) / most}%`;
    return [division, [num(n), "num"], bar];
  });
}

/** Rows keyed by socket id, updated in place, so a button stays the same element between refreshes. */
function renderConnections(list) {
  const body = $("connections").tBodies[0];
  $("connection-count").textContent = `(${num(list.length)})`;
  const seen = new Set(list.map((c) => c.socket_id));
  for (const row of [...body.rows]) {
    if (!row.dataset.socket || !seen.has(row.dataset.socket)) row.remove();
  }
  if (list.length === 0) {
    body.append(emptyRow(7));
    return;
  }
  for (const c of list) {
    let row = body.querySelector(`tr[data-socket="${CSS.escape(c.socket_id)}"]`);
    if (!row) {
      row = document.createElement("tr");
      row.dataset.socket = c.socket_id;
      for (let i = 0; i < 6; i++) row.insertCell();
      const button = document.createElement("button");
      button.type = "button";
      button.className = "disconnect";
      button.addEventListener("click", () => disconnect(c.socket_id, button));
      row.insertCell().append(button);
      body.append(row);
    }
    const cells = row.cells;
    cells[0].textContent = c.socket_id;
    cells[1].textContent = c.user_id;
    cells[2].textContent = c.node_id;
    cells[3].textContent = c.transport;
    cells[4].textContent = (c.channels || []).join(" ");
    cells[4].className = "channels";
    cells[5].textContent = dateTime(c.connected_at);
    const button = cells[6].firstChild;
    if (!button.disabled) button.textContent = t("disconnect");
  }
}

async function disconnect(socketId, button) {
  button.disabled = true;
  try {
    await api.disconnect(socketId);
    button.textContent = t("disconnected");
  } catch (e) {
    button.disabled = false;
    button.textContent = `${t("disconnect")} (${e.code || e.status || "?"})`;
  }
}

function short(name) {
  return name ? name.replace(/^realtime\./, "") : "";
}

function emptyRow(columns) {
  const row = document.createElement("tr");
  const cell = row.insertCell();
  cell.colSpan = columns;
  cell.className = "empty";
  cell.textContent = t("none");
  return row;
}

/** Replaces a table's rows; a cell is text, [text, className] or an element. */
function rows(table, items, cells) {
  const body = table.tBodies[0];
  const columns = table.tHead.rows[0].cells.length;
  const fresh = items.map((item) => {
    const row = document.createElement("tr");
    for (const cell of cells(item)) {
      const td = row.insertCell();
      if (cell instanceof Node) td.append(cell);
      else if (Array.isArray(cell)) [td.textContent, td.className] = cell;
      else td.textContent = cell;
    }
    return row;
  });
  body.replaceChildren(...(fresh.length ? fresh : [emptyRow(columns)]));
}

// ---- on load

$("lang").value = language();
setLanguage(language());
if (token.get()) start();
