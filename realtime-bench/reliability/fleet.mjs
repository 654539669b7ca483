// Drives a Realtime cluster through one failure with the official socket.io-client and counts what
// its clients missed. The clients keep the client's default reconnection (first attempt after 0.5 to
// 1.5 s) and, like an application, join their channel again only when a reconnection did not
// recover the session. Every published event carries a sequence number, so each client's gaps and
// duplicates are counted exactly.
//
// Settings (environment): CLIENT_URLS, PUBLISH_URLS (comma-separated base URLs; client i uses
// CLIENT_URLS[i % n], publishes go round-robin over PUBLISH_URLS and move on to the next URL when
// one fails), SECRET (the servers' HS256 JWT secret), CLIENTS (5000), RATE (publishes/s, 5),
// DURATION (s of publishing, 60; latencies count from WARMUP, 5 s, on), ACTION_AT (s into
// publishing, 20), ACTION (a shell command run
// then, e.g. kill -9 <pid>), SETTLE (s to wait after the last publish, 15), TRANSPORTS
// ("websocket", or "polling,websocket" for the client's default). Prints one JSON report.
import { io } from "socket.io-client";
import { createHmac } from "node:crypto";
import { exec } from "node:child_process";

const env = process.env;
const clientUrls = env.CLIENT_URLS.split(",");
const publishUrls = env.PUBLISH_URLS.split(",");
const secret = env.SECRET;
const clients = Number(env.CLIENTS ?? 5000);
const rate = Number(env.RATE ?? 5);
const duration = Number(env.DURATION ?? 60);
const actionAt = Number(env.ACTION_AT ?? 20);
const action = env.ACTION ?? "";
const settle = Number(env.SETTLE ?? 15);
const warmup = Number(env.WARMUP ?? 5);
const transports = (env.TRANSPORTS ?? "websocket").split(",");
const channel = "product:reliability";
const event = "bench_tick";
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function token(user, role) {
  const b64 = (s) => Buffer.from(s).toString("base64url");
  const head = b64(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const exp = Math.floor(Date.now() / 1000) + 7200;
  const body = b64(JSON.stringify({ sub: user, roles: [role], exp }));
  const sig = createHmac("sha256", secret).update(head + "." + body).digest("base64url");
  return head + "." + body + "." + sig;
}

// --- the publisher's record: per sequence number, when it was sent and whether a node took it
const maxSeq = rate * duration;
const warmupSeq = rate * warmup;
const sentAt = new Float64Array(maxSeq).fill(NaN);
const acceptedBy = new Int8Array(maxSeq).fill(-1); // index into publishUrls, -1: refused everywhere
const acceptedAt = new Float64Array(maxSeq).fill(NaN);
const seqMaxLatency = new Float64Array(maxSeq);
const serviceToken = token("reliability-service", "service");
const runId = "reliability-" + Date.now().toString(36);
let publishFailures = 0;

async function publish(seq) {
  sentAt[seq] = now();
  for (let attempt = 0; attempt < publishUrls.length; attempt++) {
    const node = (seq + attempt) % publishUrls.length;
    try {
      const response = await fetch(publishUrls[node] + "/api/v1/realtime/events", {
        method: "POST",
        headers: { authorization: "Bearer " + serviceToken, "content-type": "application/json" },
        // One id per event: a retry on another node after a timeout is routed once, not twice.
        body: JSON.stringify({ id: runId + "-" + seq, event, channel, data: { seq } }),
        signal: AbortSignal.timeout(5000),
      });
      await response.text();
      if (response.status === 202) {
        acceptedBy[seq] = node;
        acceptedAt[seq] = now();
        return;
      }
    } catch (e) {
      // the node is down or slow: the next one takes it, as a service with several nodes would
    }
    publishFailures++;
  }
}

// --- the clients
const fleet = [];
// With the same URLs for clients and publishes (nodes reached directly), client i is on node
// i % n, and a delivery is local when that node took the publish, cross-node otherwise.
let maxLatencyLocal = 0;
let maxLatencyCross = 0;
let missedLocal = 0;
let missedCross = 0;
const dupSamples = [];
let publishStartTime = NaN;
function start(i) {
  const c = {
    i,
    node: i % clientUrls.length,
    joinedAt: NaN,
    counts: new Uint8Array(maxSeq),
    disconnects: [],
    reconnects: [],
    connectErrors: 0,
    maxLatency: 0,
    socket: null,
  };
  const socket = io(clientUrls[c.node] + "/realtime", {
    forceNew: true,
    transports,
    auth: { token: token("reliability-" + i, "customer") },
  });
  c.socket = socket;
  socket.on(event, (envelope) => {
    const seq = envelope.data.seq;
    c.counts[seq]++;
    if (c.counts[seq] > 1 && dupSamples.length < 20) {
      dupSamples.push({ client: i, seq, at: Math.round(now() - publishStartTime), sentAt: Math.round(sentAt[seq] - publishStartTime), reconnects: c.reconnects.map((r) => ({ at: Math.round(r.at - publishStartTime), recovered: r.recovered })) });
    }
    if (seq < warmupSeq) return; // latencies of a fresh JVM are not what this measures
    const latency = now() - sentAt[seq];
    if (latency > c.maxLatency) c.maxLatency = latency;
    if (latency > seqMaxLatency[seq]) seqMaxLatency[seq] = latency;
    if (acceptedBy[seq] === c.node) {
      if (latency > maxLatencyLocal) maxLatencyLocal = latency;
    } else if (latency > maxLatencyCross) maxLatencyCross = latency;
  });
  socket.on("disconnect", (reason) => c.disconnects.push({ at: now(), reason }));
  socket.on("connect_error", () => c.connectErrors++);
  let first = true;
  const joined = new Promise((resolve) => {
    socket.on("connect", async () => {
      if (!first) c.reconnects.push({ at: now(), recovered: socket.recovered });
      if (first || !socket.recovered) {
        try {
          await socket.timeout(15000).emitWithAck("join_channel", { channels: [channel] });
          if (first) c.joinedAt = now();
        } catch (e) {
          c.joinFailures = (c.joinFailures ?? 0) + 1;
        }
      }
      first = false;
      resolve();
    });
  });
  fleet.push(c);
  return joined;
}

const t0 = now();
for (let i = 0; i < clients; i += 100) {
  const batch = [];
  for (let j = i; j < Math.min(clients, i + 100); j++) batch.push(start(j));
  await Promise.all(batch);
}
const rampSeconds = (now() - t0) / 1000;
await sleep(2000);

// --- publishing, with the action in the middle
const publishStart = now();
publishStartTime = publishStart;
let actionTime = NaN;
const publishes = [];
for (let seq = 0; seq < maxSeq; seq++) {
  const due = publishStart + (seq * 1000) / rate;
  const wait = due - now();
  if (wait > 0) await sleep(wait);
  if (action && Number.isNaN(actionTime) && now() - publishStart >= actionAt * 1000) {
    actionTime = now();
    exec(action, (error) => error && console.error("action failed: " + error));
  }
  publishes.push(publish(seq));
}
await Promise.all(publishes);
await sleep(settle * 1000);

// --- the report
const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null);
const round = (x) => (x == null ? null : Math.round(x));
let missed = 0;
let duplicates = 0;
let clientsMissing = 0;
let clientsMissingRecovered = 0;
let deliveredTo = new Uint32Array(maxSeq);
const downtimes = [];
// when each client hit by the action lost its socket, after the action: a drain in batches spreads these
const downAt = [];
let lastReconnect = NaN;
let hit = 0;
let recovered = 0;
let notRecovered = 0;
let stillDown = 0;
const latencies = [];
for (const c of fleet) {
  let own = 0;
  for (let seq = 0; seq < maxSeq; seq++) {
    if (c.counts[seq] > 0) deliveredTo[seq]++;
    if (c.counts[seq] > 1) duplicates += c.counts[seq] - 1;
    if (acceptedBy[seq] >= 0 && sentAt[seq] > c.joinedAt && c.counts[seq] === 0) {
      own++;
      acceptedBy[seq] === c.node ? missedLocal++ : missedCross++;
    }
  }
  missed += own;
  latencies.push(c.maxLatency);
  const afterAction = c.disconnects.filter((d) => d.at >= actionTime);
  if (afterAction.length) {
    hit++;
    downAt.push(afterAction[0].at - actionTime);
    const back = c.reconnects.filter((r) => r.at >= afterAction[0].at);
    if (back.length) {
      downtimes.push(back[0].at - afterAction[0].at);
      if (!(lastReconnect >= back[back.length - 1].at)) lastReconnect = back[back.length - 1].at;
      back[back.length - 1].recovered ? recovered++ : notRecovered++;
    }
  }
  if (!c.socket.connected) stillDown++;
  if (own) {
    clientsMissing++;
    if (c.reconnects.length && c.reconnects[c.reconnects.length - 1].recovered) clientsMissingRecovered++;
  }
}
downtimes.sort((a, b) => a - b);
downAt.sort((a, b) => a - b);
latencies.sort((a, b) => a - b);
let accepted = 0;
let deliveredToNobody = 0;
for (let seq = 0; seq < maxSeq; seq++) {
  if (acceptedBy[seq] >= 0) {
    accepted++;
    if (deliveredTo[seq] === 0) deliveredToNobody++;
  }
}
const report = {
  clients,
  transports,
  rampSeconds: Math.round(rampSeconds * 10) / 10,
  publishes: maxSeq,
  accepted,
  publishFailures,
  deliveredToNobody,
  action,
  actionAtSeconds: Math.round((actionTime - publishStart) / 100) / 10,
  clientsDisconnectedByAction: hit,
  reconnectedRecovered: recovered,
  reconnectedFresh: notRecovered,
  stillDisconnectedAtEnd: stillDown,
  disconnectedAfterActionMs: { first: round(downAt[0]), p50: round(pct(downAt, 0.5)), last: round(downAt.at(-1)) },
  downtimeMs: { p50: round(pct(downtimes, 0.5)), p99: round(pct(downtimes, 0.99)), max: round(downtimes.at(-1)) },
  allConnectedAgainAfterActionMs: round(lastReconnect - actionTime),
  missedEvents: missed,
  clientsThatMissedEvents: clientsMissing,
  ofThemRecovered: clientsMissingRecovered,
  duplicateDeliveries: duplicates,
  ...(env.CLIENT_URLS === env.PUBLISH_URLS
    ? { missedLocal, missedCrossNode: missedCross, maxLatencyLocalMs: round(maxLatencyLocal), maxLatencyCrossNodeMs: round(maxLatencyCross) }
    : {}),
  worstClientMaxLatencyMs: round(latencies.at(-1)),
  clientMaxLatencyP50Ms: round(pct(latencies, 0.5)),
  connectErrors: fleet.reduce((s, c) => s + c.connectErrors, 0),
  joinFailures: fleet.reduce((s, c) => s + (c.joinFailures ?? 0), 0),
  duplicateSamples: dupSamples,
  slowEvents: Array.from(seqMaxLatency, (l, seq) => ({ seq, node: acceptedBy[seq], sentAtMs: Math.round(sentAt[seq] - publishStart), acceptMs: Math.round(acceptedAt[seq] - sentAt[seq]), maxLatencyMs: Math.round(l) }))
    .filter((e) => e.maxLatencyMs > 500),
};
console.log(JSON.stringify(report, null, 2));
for (const c of fleet) c.socket.disconnect();
process.exit(0);
