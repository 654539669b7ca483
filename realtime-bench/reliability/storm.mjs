// A reconnect storm seen from the clients: CLIENTS official socket.io-client sockets connect to URL,
// each claiming one of ADDRESSES client addresses (X-Forwarded-For, which the server trusts from
// loopback in this run: phones behind carrier-grade NAT share an address), then wait while the
// server is killed and started again (run by storm.sh on "ready"), and report how the storm went.
// The clients keep the client's default reconnection; on a CONNECT_ERROR they do what
// docs/clients.md tells applications to do: connect again after retry_after_ms (the client never
// retries a refused namespace by itself).
//
// Settings (environment): URL (base URL), HEALTH_URL, SECRET (HS256), CLIENTS (15000), ADDRESSES
// (150), RAMP (new sockets per second while connecting, 1500), LIMIT (s to wait for every client to
// be back, 180). Prints one JSON report on stdout; progress on stderr.
import { io } from "socket.io-client";
import { createHmac } from "node:crypto";
import { createInterface } from "node:readline";

const env = process.env;
const url = env.URL;
const healthUrl = env.HEALTH_URL;
const secret = env.SECRET;
const clients = Number(env.CLIENTS ?? 15000);
const addresses = Number(env.ADDRESSES ?? 150);
const ramp = Number(env.RAMP ?? 1500);
const limit = Number(env.LIMIT ?? 180);
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function token(user) {
  const b64 = (s) => Buffer.from(s).toString("base64url");
  const head = b64(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const exp = Math.floor(Date.now() / 1000) + 7200;
  const body = b64(JSON.stringify({ sub: user, roles: ["customer"], exp }));
  const sig = createHmac("sha256", secret).update(head + "." + body).digest("base64url");
  return head + "." + body + "." + sig;
}

// Carrier NAT addresses from 100.64.0.0/10, the shared address space.
const address = (i) => {
  const a = i % addresses;
  return `100.64.${Math.floor(a / 250)}.${(a % 250) + 1}`;
};

let connected = 0; // refreshed by countConnected() where it is read
let stormStart = NaN;
const refusals = {};
let lastBack = NaN;
const downtimes = [];
const fleet = [];

function start(i) {
  const c = { down: NaN, refused: 0 };
  const socket = io(url + "/realtime", {
    forceNew: true,
    transports: ["websocket"],
    extraHeaders: { "X-Forwarded-For": address(i) },
    auth: { token: token("storm-" + i) },
  });
  socket.on("connect", () => {
    if (!Number.isNaN(c.down)) {
      const t = now();
      downtimes.push(t - c.down);
      c.down = NaN;
      if (!(lastBack >= t)) lastBack = t;
    }
  });
  socket.on("disconnect", () => {
    if (Number.isNaN(c.down)) c.down = now();
  });
  socket.on("connect_error", (err) => {
    if (!socket.active) {
      // refused by the server (CONNECT_ERROR): the application's retry
      const code = err?.data?.code ?? err?.message ?? "unknown";
      refusals[code] = (refusals[code] ?? 0) + 1;
      c.refused++;
      const wait = Number(err?.data?.retry_after_ms ?? 1000);
      setTimeout(() => socket.connect(), wait + Math.random() * 1000);
    }
  });
  c.socket = socket;
  fleet.push(c);
}
const countConnected = () => fleet.reduce((n, c) => n + (c.socket.connected ? 1 : 0), 0);

// --- readiness, probed every 100 ms from the storm on
const ready = [];
let readyFailures = 0;
let probing = false;
async function probe() {
  while (probing) {
    const t = now();
    try {
      const r = await fetch(healthUrl, { signal: AbortSignal.timeout(5000) });
      await r.text();
      if (r.status === 200) ready.push(now() - t);
      else readyFailures++;
    } catch (e) {
      readyFailures++;
    }
    await sleep(Math.max(0, 100 - (now() - t)));
  }
}

// --- connect everybody, say "ready", wait for the storm to be over
const t0 = now();
for (let i = 0; i < clients; i++) {
  start(i);
  if (i % Math.max(1, Math.floor(ramp / 10)) === 0) await sleep(100);
}
while ((connected = countConnected()) < clients) {
  if (now() - t0 > limit * 1000) {
    console.error(`only ${connected} of ${clients} connected before the storm`);
    process.exit(1);
  }
  await sleep(200);
}
console.error(`all ${clients} connected in ${Math.round((now() - t0) / 100) / 10} s`);
console.log("ready");
// storm.sh writes "killed", then "started" once the new node answers /health/ready
const lines = [];
let wake = null;
createInterface({ input: process.stdin }).on("line", (l) => {
  lines.push(l);
  if (wake) wake();
});
const nextLine = async () => {
  while (!lines.length) await new Promise((r) => (wake = r));
  return lines.shift();
};
await nextLine(); // killed
stormStart = now();
// Wait until everybody has seen the loss (their sockets close at once with the process).
while ((connected = countConnected()) > 0 && now() - stormStart < 10_000) await sleep(50);
const lost = clients - connected;
nextLine().then(() => {
  probing = true;
  probe();
}); // started
while ((connected = countConnected()) < clients && now() - stormStart < limit * 1000) {
  await sleep(200);
  if (Math.round(now() - stormStart) % 5000 < 200) console.error(`${connected} of ${clients} back`);
}
probing = false;
downtimes.sort((a, b) => a - b);
ready.sort((a, b) => a - b);
const pct = (s, p) => (s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]) : null);
const refusedClients = fleet.filter((c) => c.refused > 0).length;
console.log(
  JSON.stringify(
    {
      clients,
      addresses,
      clientsPerAddress: Math.ceil(clients / addresses),
      lostAtOnce: lost,
      backAtEnd: connected,
      allBackAfterMs: connected === clients ? Math.round(lastBack - stormStart) : null,
      downtimeMs: { p50: pct(downtimes, 0.5), p90: pct(downtimes, 0.9), p99: pct(downtimes, 0.99), max: pct(downtimes, 1) },
      refusals,
      refusedClients,
      readiness: {
        probes: ready.length,
        failures: readyFailures,
        p50Ms: pct(ready, 0.5),
        p99Ms: pct(ready, 0.99),
        maxMs: pct(ready, 1),
        over100Ms: ready.filter((x) => x > 100).length,
      },
    },
    null,
    2,
  ),
);
process.exit(0);
