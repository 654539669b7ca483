// Time to reconnect and to recover every missed event after an outage of a simulated mobile link,
// with the official socket.io-client: PHONES phones reach the server through the bench's link
// simulator (`realtime-bench.jar link`, started here), keep the client's default reconnection and
// connection state recovery, report their link class (network_info) on every connect, and, like an
// application, join their channel again only when a reconnection did not recover the session. A
// service publishes to their channel over REST (straight to the server) at RATE/s all along; the
// link goes down for OUTAGE seconds in the middle. Every event carries a sequence number, so gaps
// and duplicates are exact. Times are from the moment the link is back (the simulator's clock, the
// same wall clock as ours).
//
// Settings (environment): URL (the server), SECRET, BENCH_JAR (realtime-bench.jar), PROFILE (2g),
// LINK_PORT (41850), PHONES (3), RATE (2), OUTAGE (10), BEFORE (5 s of publishing before the
// outage), AFTER (20 s after it), TRANSPORTS ("websocket", or "polling,websocket", the client's
// default). Prints one JSON report.
import { io } from "socket.io-client";
import { createHmac } from "node:crypto";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const env = process.env;
const url = env.URL;
const secret = env.SECRET;
const profile = env.PROFILE ?? "2g";
const linkPort = Number(env.LINK_PORT ?? 41850);
const phones = Number(env.PHONES ?? 3);
const rate = Number(env.RATE ?? 2);
const outage = Number(env.OUTAGE ?? 10);
const before = Number(env.BEFORE ?? 5);
const after = Number(env.AFTER ?? 20);
const transports = (env.TRANSPORTS ?? "websocket").split(",");
const channel = "product:outage";
const event = "price_update";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function token(user, role) {
  const b64 = (s) => Buffer.from(s).toString("base64url");
  const head = b64(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = b64(JSON.stringify({ sub: user, roles: [role], exp: Math.floor(Date.now() / 1000) + 7200 }));
  return head + "." + body + "." + createHmac("sha256", secret).update(head + "." + body).digest("base64url");
}

// --- the link simulator, in its own JVM
const link = spawn("java", ["-jar", env.BENCH_JAR, "link", "--port", String(linkPort), "--target", new URL(url).host, "--profile", profile], { stdio: ["pipe", "pipe", "inherit"] });
const lines = createInterface({ input: link.stdout });
const waiters = [];
lines.on("line", (line) => {
  const [word, value] = line.split(" ");
  const i = waiters.findIndex((w) => w.word === word);
  if (i >= 0) waiters.splice(i, 1)[0].resolve(Number(value));
});
const linkSays = (word) => new Promise((resolve) => waiters.push({ word, resolve }));
await linkSays("listening");

// --- the phones
const total = rate * (before + outage + after);
const phoneList = [];
for (let i = 0; i < phones; i++) {
  const p = { i, received: new Map(), connects: [], disconnects: [], rejoins: 0 };
  const socket = io(`http://127.0.0.1:${linkPort}/realtime`, { forceNew: true, transports, auth: { token: token("outage-phone-" + i, "customer") } });
  p.socket = socket;
  socket.on(event, (envelope) => {
    const seq = envelope.data.seq;
    if (!p.received.has(seq)) p.received.set(seq, []);
    p.received.get(seq).push(Date.now());
  });
  socket.on("disconnect", (reason) => p.disconnects.push({ at: Date.now(), reason }));
  let first = true;
  p.joined = new Promise((resolve) => socket.on("connect", async () => {
    p.connects.push({ at: Date.now(), recovered: socket.recovered, transport: socket.io.engine.transport.name });
    socket.emit("network_info", { bandwidth: profile });
    if (first || !socket.recovered) {
      if (!first) p.rejoins++;
      await socket.timeout(15000).emitWithAck("join_channel", { channels: [channel] }).catch(() => {});
    }
    first = false;
    resolve();
  }));
  phoneList.push(p);
}
await Promise.all(phoneList.map((p) => p.joined));
await sleep(1000);

// --- the service, publishing all along; the link goes down BEFORE s in
const serviceToken = token("outage-service", "service");
const sentAt = new Array(total);
const start = Date.now();
let down = NaN;
let up = NaN;
const posts = [];
for (let seq = 0; seq < total; seq++) {
  const wait = start + (seq * 1000) / rate - Date.now();
  if (wait > 0) await sleep(wait);
  if (Number.isNaN(down) && seq >= rate * before) {
    link.stdin.write(`outage ${outage}\n`);
    down = await linkSays("down");
    linkSays("up").then((t) => (up = t));
  }
  sentAt[seq] = Date.now();
  const data = { seq, sku: "SKU-" + (1000 + (seq % 7)), price: 990 + seq, note: "দাম পরিবর্তন হয়েছে — নতুন দাম দেখুন" };
  posts.push(fetch(url + "/api/v1/realtime/events", { method: "POST", headers: { authorization: "Bearer " + serviceToken, "content-type": "application/json" }, body: JSON.stringify({ id: "outage-" + start + "-" + seq, event, channel, data }) }).then((r) => r.text()));
}
await Promise.all(posts);
await sleep(3000);

// --- the report: per phone, from the link coming back
const phonesOut = phoneList.map((p) => {
  const reconnect = p.connects.find((c) => c.at >= down && p.connects.indexOf(c) > 0);
  // the events the phone could not get while it was away: published from its disconnect to its reconnect
  const lostAt = p.disconnects.find((d) => d.at >= down)?.at ?? down;
  let lastMissed = NaN;
  let missedDuringOutage = 0;
  let missing = 0;
  let duplicates = 0;
  for (let seq = 0; seq < total; seq++) {
    const got = p.received.get(seq);
    if (!got) missing++;
    else if (got.length > 1) duplicates += got.length - 1;
    if (sentAt[seq] >= lostAt && reconnect && sentAt[seq] <= reconnect.at) {
      missedDuringOutage++;
      if (got && !(lastMissed >= got[0])) lastMissed = got[0];
    }
  }
  return {
    phone: p.i,
    disconnectReason: p.disconnects.find((d) => d.at >= down)?.reason ?? null,
    reconnectMsAfterLinkUp: reconnect ? reconnect.at - up : null,
    recovered: reconnect ? reconnect.recovered : null,
    transport: reconnect ? reconnect.transport : null,
    reconnectAttempts: p.connects.length - 1,
    rejoins: p.rejoins,
    missedWhileAway: missedDuringOutage,
    lastMissedReceivedMsAfterLinkUp: Number.isNaN(lastMissed) ? null : lastMissed - up,
    missing,
    duplicates,
  };
});
console.log(JSON.stringify({ profile, transports, rate, outageSeconds: outage, published: total, linkDownToUpMs: up - down, phones: phonesOut }));
link.stdin.write("quit\n");
for (const p of phoneList) p.socket.close();
process.exit(0);
