// The server's CPU per delivery of a fanout of ~2 KiB events (Bangla text in them) to many official
// socket.io-client sockets, which offer permessage-deflate as Node's client does by default. Run it
// once against a server with REALTIME_COMPRESSION=true and once with false (deflate-fanout.sh does
// both). The CPU is the server process's utime+stime (/proc/<pid>/stat) over the publishing and
// until every socket has every event; the bytes are the server's realtime_wire_* counters.
//
// Settings (environment): URL (the server's base URL), PID (the server's pid), SECRET (its HS256 JWT
// secret), CLIENTS (5000), RATE (publishes/s, 1: one Node process
// receives 5,000 deliveries a second on a shared 2-core machine, not 25,000), DURATION (s, 30), BYTES (event size, 2048).
// Prints one JSON report.
import { io } from "socket.io-client";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";

const env = process.env;
const url = env.URL;
const pid = env.PID;
const secret = env.SECRET;
const clients = Number(env.CLIENTS ?? 5000);
const rate = Number(env.RATE ?? 1);
const duration = Number(env.DURATION ?? 30);
const bytes = Number(env.BYTES ?? 2048);
const channel = "product:deflate-fanout";
const event = "product_update";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function token(user, role) {
  const b64 = (s) => Buffer.from(s).toString("base64url");
  const head = b64(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = b64(JSON.stringify({ sub: user, roles: [role], exp: Math.floor(Date.now() / 1000) + 7200 }));
  return head + "." + body + "." + createHmac("sha256", secret).update(head + "." + body).digest("base64url");
}

// utime + stime in clock ticks (100 per second on Linux)
function cpuTicks() {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

async function wire() {
  const text = await (await fetch(url + "/metrics")).text();
  const sums = {};
  for (const line of text.split("\n")) {
    const m = /^(realtime_wire_[a-z_]+)\{([^}]*)\} ([0-9.eE+]+)/.exec(line);
    if (m && m[2].includes('transport="websocket"')) sums[m[1]] = (sums[m[1]] ?? 0) + Number(m[3]);
  }
  return sums;
}

// An order-list-like event: Bangla product names and prices, JSON-encoded by the server.
function payload(seq) {
  const items = [];
  let size = 0;
  for (let i = 0; size < bytes - 120; i++) {
    const item = { sku: "SKU-" + (10000 + seq * 31 + i), name: "বাংলা পণ্য নম্বর " + i + " — ঢাকা ডেলিভারি", price: 100 + ((seq * 7 + i * 13) % 900), qty: 1 + (i % 5) };
    items.push(item);
    size += Buffer.byteLength(JSON.stringify(item)) + 1;
  }
  return { seq, items };
}

const received = new Uint32Array(rate * duration);
let deliveries = 0;
let disconnects = 0; // a client too slow to keep up misses pings and reconnects: the run is void then
const sockets = [];
const t0 = performance.now();
for (let i = 0; i < clients; i += 100) {
  const batch = [];
  for (let j = i; j < Math.min(clients, i + 100); j++) {
    const socket = io(url + "/realtime", { forceNew: true, transports: ["websocket"], auth: { token: token("deflate-" + j, "customer") } });
    sockets.push(socket);
    socket.on("disconnect", () => disconnects++);
    socket.on(event, (envelope) => {
      received[envelope.data.seq]++;
      deliveries++;
    });
    batch.push(new Promise((resolve) => socket.once("connect", async () => {
      await socket.timeout(30000).emitWithAck("join_channel", { channels: [channel] }).catch(() => {});
      resolve();
    })));
  }
  await Promise.all(batch);
}
const rampSeconds = (performance.now() - t0) / 1000;
// what the first socket negotiated, as the ws library reports it
const extensions = sockets[0].io.engine.transport.ws?._extensions ?? {};
const negotiated = Object.keys(extensions).join(",") || "none";
await sleep(2000);

const serviceToken = token("deflate-service", "service");
const expected = rate * duration * clients;
const wireBefore = await wire();
const cpuBefore = cpuTicks();
const start = performance.now();
const posts = [];
let sampleBytes = 0;
for (let seq = 0; seq < rate * duration; seq++) {
  const wait = start + (seq * 1000) / rate - performance.now();
  if (wait > 0) await sleep(wait);
  const body = JSON.stringify({ id: "deflate-" + start + "-" + seq, event, channel, data: payload(seq) });
  sampleBytes = Buffer.byteLength(body);
  posts.push(fetch(url + "/api/v1/realtime/events", { method: "POST", headers: { authorization: "Bearer " + serviceToken, "content-type": "application/json" }, body }).then((r) => r.text()));
}
await Promise.all(posts);
const deadline = performance.now() + 60000;
while (deliveries < expected && performance.now() < deadline) await sleep(100);
const seconds = (performance.now() - start) / 1000;
const cpuTicksUsed = cpuTicks() - cpuBefore;
const wireAfter = await wire();
const delta = {};
for (const k of Object.keys(wireAfter)) delta[k] = wireAfter[k] - (wireBefore[k] ?? 0);
const cpuMs = cpuTicksUsed * 10;
console.log(JSON.stringify({
  clients, rampSeconds: Math.round(rampSeconds), negotiated, rate, duration, restBodyBytes: sampleBytes,
  expected, deliveries, missing: expected - deliveries, disconnects, seconds: Math.round(seconds * 10) / 10,
  serverCpuMs: cpuMs, serverCpuUsPerDelivery: Math.round((cpuMs * 1000 / deliveries) * 100) / 100,
  serverCpuPercentOfOneCore: Math.round((cpuMs / 10) / seconds),
  wire: delta,
  wireBytesPerDelivery: delta.realtime_wire_bytes_total ? Math.round(delta.realtime_wire_bytes_total / deliveries) : null,
  uncompressedBytesPerDelivery: delta.realtime_wire_bytes_uncompressed_total ? Math.round(delta.realtime_wire_bytes_uncompressed_total / deliveries) : null,
}));
for (const s of sockets) s.close();
process.exit(0);
