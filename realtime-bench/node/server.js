// Baseline for the benchmarks: a minimal Node.js Socket.IO 4 server serving the same scenarios as
// the Java server (PROTOCOL.md): namespace /realtime, JWT (HS256) from the CONNECT auth,
// join_channel, broadcast_event, send_message with acks, and the HTTP publish endpoint.
// It is deliberately small: what the bench exercises, with the same checks on that path.
"use strict";

const http = require("http");
const crypto = require("crypto");
const jwt = require("jsonwebtoken");
const { Server } = require("socket.io");
const { createAdapter } = require("@socket.io/redis-adapter");
const { createClient } = require("redis");

const PORT = Number(process.env.PORT || 3000);
// Several nodes share Redis through Socket.IO's own Redis adapter, as a Node cluster would.
const REDIS_URL = process.env.REDIS_URL;
const SECRET = process.env.REALTIME_JWT_SECRET;
if (!SECRET || Buffer.byteLength(SECRET) < 32) {
  console.error("REALTIME_JWT_SECRET: at least 32 bytes required");
  process.exit(1);
}

const CHANNEL = /^(user|product|auction|chat|order|vendor|admin|system):([A-Za-z0-9_.-]{1,128})$/;
const MESSAGE_TYPES = new Set(["text", "image", "file", "product", "order"]);
const HISTORY = 200; // messages kept per room, as a bounded history
const rooms = new Map(); // room_id -> { participants: Set, messages: [] }

function verify(token) {
  // Throws with .code as the Java server reports it.
  try {
    const claims = jwt.verify(token, SECRET, { algorithms: ["HS256"] });
    if (!claims.sub || !claims.exp) throw Object.assign(new Error("invalid"), { code: "AUTH_INVALID" });
    const roles = Array.isArray(claims.roles) && claims.roles.length ? claims.roles : ["customer"];
    return { user_id: String(claims.sub), roles, guest: false };
  } catch (e) {
    const code = e.code || (e.name === "TokenExpiredError" ? "AUTH_EXPIRED" : "AUTH_INVALID");
    throw Object.assign(new Error("unauthorized"), { data: { code } });
  }
}

function canJoin(user, name, type, id) {
  switch (type) {
    case "product": case "auction": case "system": return true;
    case "user": return id === user.user_id || has(user, "service") || has(user, "admin");
    case "chat": {
      const room = rooms.get(id);
      return (room && room.participants.has(user.user_id)) || has(user, "support_agent") || has(user, "admin");
    }
    default: return has(user, "admin");
  }
}

const has = (user, role) => user.roles.includes(role);
const fail = (ack, code, message) => typeof ack === "function" && ack({ ok: false, error: { code, message } });
const envelope = (event, channel, data, priority) => ({
  id: crypto.randomUUID(), event, channel, data: data || {},
  timestamp: new Date().toISOString(), priority: priority || "medium",
});

const httpServer = http.createServer(handleHttp);
const io = new Server(httpServer, {
  path: "/socket.io/", pingInterval: 25000, pingTimeout: 20000, maxHttpBufferSize: 1e6,
  transports: ["websocket", "polling"], cors: { origin: "*" },
});
const nsp = io.of("/realtime");

nsp.use((socket, next) => {
  const header = socket.handshake.headers.authorization || "";
  const token = (socket.handshake.auth && socket.handshake.auth.token)
    || (header.startsWith("Bearer ") ? header.slice(7) : null)
    || socket.handshake.query.token;
  if (!token) {
    socket.data.user = { user_id: "guest:" + socket.id, roles: ["guest"], guest: true };
    return next();
  }
  try {
    socket.data.user = verify(token);
    next();
  } catch (e) {
    next(e);
  }
});

nsp.on("connection", (socket) => {
  const user = socket.data.user;
  const channels = ["system:announcements"];
  if (!user.guest) channels.push("user:" + user.user_id);
  socket.join(channels);
  socket.emit("authenticated", {
    user_id: user.user_id, socket_id: socket.id, roles: user.roles, guest: user.guest,
    server_time: new Date().toISOString(), channels,
  });

  socket.on("join_channel", (payload, ack) => {
    if (!payload || !Array.isArray(payload.channels)) return fail(ack, "PAYLOAD_INVALID", "channels expected");
    const joined = [], rejected = [];
    for (const name of payload.channels) {
      const m = typeof name === "string" && CHANNEL.exec(name);
      if (!m) { rejected.push({ channel: name, code: "CHANNEL_INVALID" }); continue; }
      if (socket.rooms.size >= 100) { rejected.push({ channel: name, code: "CHANNEL_LIMIT" }); continue; }
      if (!canJoin(user, name, m[1], m[2])) { rejected.push({ channel: name, code: "FORBIDDEN" }); continue; }
      socket.join(name);
      joined.push(name);
    }
    if (typeof ack === "function") ack({ ok: true, joined, rejected });
  });

  socket.on("broadcast_event", (payload, ack) => {
    if (!payload || typeof payload.channel !== "string" || typeof payload.event_type !== "string") {
      return fail(ack, "PAYLOAD_INVALID", "channel and event_type expected");
    }
    if (!has(user, "service") && !has(user, "admin")) return fail(ack, "FORBIDDEN", "not allowed");
    if (!CHANNEL.test(payload.channel)) return fail(ack, "CHANNEL_INVALID", "bad channel");
    const e = envelope(payload.event_type, payload.channel, payload.data, payload.priority);
    nsp.to(payload.channel).emit(payload.event_type, e);
    if (typeof ack === "function") ack({ ok: true, id: e.id });
  });

  socket.on("send_message", (payload, ack) => {
    if (!payload || typeof payload.channel !== "string" || typeof payload.message !== "string") {
      return fail(ack, "PAYLOAD_INVALID", "channel and message expected");
    }
    const m = CHANNEL.exec(payload.channel);
    if (!m || m[1] !== "chat") return fail(ack, "READ_ONLY_CHANNEL", "not a chat channel");
    if (!socket.rooms.has(payload.channel)) return fail(ack, "NOT_SUBSCRIBED", "join first");
    const type = payload.type || "text";
    if (!MESSAGE_TYPES.has(type)) return fail(ack, "PAYLOAD_INVALID", "bad type");
    if (payload.message.length > 4000) return fail(ack, "PAYLOAD_TOO_LARGE", "too long");
    const room = rooms.get(m[2]);
    const message = {
      id: crypto.randomUUID(), channel: payload.channel, room_id: m[2], sender_id: user.user_id,
      sender_role: user.roles[0], message: payload.message, type, metadata: payload.metadata || {},
      timestamp: new Date().toISOString(),
    };
    if (room) {
      room.messages.push(message);
      if (room.messages.length > HISTORY) room.messages.shift();
    }
    socket.to(payload.channel).emit("message", message);
    if (typeof ack === "function") ack({ ok: true, id: message.id, timestamp: message.timestamp });
  });
});

function handleHttp(req, res) {
  const reply = (status, body) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.method === "GET" && (req.url === "/health/ready" || req.url === "/health/live")) {
    return reply(200, { status: "UP" });
  }
  const auth = req.headers.authorization || "";
  let user;
  try {
    user = verify(auth.startsWith("Bearer ") ? auth.slice(7) : "");
  } catch (e) {
    return reply(401, { code: "AUTH_INVALID" });
  }
  let body = "";
  req.on("data", (chunk) => { body += chunk; if (body.length > 1e6) req.destroy(); });
  req.on("end", () => {
    let json;
    try { json = JSON.parse(body); } catch (e) { return reply(400, { code: "PAYLOAD_INVALID" }); }
    if (req.method === "POST" && req.url === "/api/v1/realtime/events") {
      if (!has(user, "service") && !has(user, "admin")) return reply(403, { code: "FORBIDDEN" });
      if (typeof json.event !== "string" || typeof json.channel !== "string" || !CHANNEL.test(json.channel)) {
        return reply(422, { code: "PAYLOAD_INVALID" });
      }
      const e = envelope(json.event, json.channel, json.data, json.priority);
      if (json.id) e.id = String(json.id);
      nsp.to(json.channel).emit(json.event, e);
      return reply(202, { id: e.id });
    }
    if (req.method === "POST" && req.url === "/api/v1/realtime/chat/rooms") {
      if (!Array.isArray(json.participants)) return reply(422, { code: "PAYLOAD_INVALID" });
      const room_id = crypto.randomUUID();
      const participants = new Set(json.participants.map(String).concat([user.user_id]));
      rooms.set(room_id, { participants, messages: [] });
      return reply(201, { room_id, type: json.type || "group_chat", participants: [...participants], status: "active" });
    }
    reply(404, { code: "NOT_FOUND" });
  });
}

async function start() {
  if (REDIS_URL) {
    const pub = createClient({ url: REDIS_URL });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
  }
  httpServer.listen(PORT, "0.0.0.0", () => console.log("node baseline listening on " + PORT));
}
start().catch((e) => { console.error(e); process.exit(1); });
process.on("SIGTERM", () => { io.close(); process.exit(0); });
