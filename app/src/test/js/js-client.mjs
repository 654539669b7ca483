// Drives the server with the official JavaScript client; prints one JSON line of results.
// Usage: node js-client.mjs <base url> <customer token> <service token>
// JsClientIT also type-checks this file against clients/typescript/realtime-events.d.ts
// (tsconfig.json: checkJs), so an event name or payload that the declarations do not know fails.
import { io } from "socket.io-client";

/**
 * @typedef {import("realtime-events").ServerToClientEvents} ServerToClientEvents
 * @typedef {import("realtime-events").ClientToServerEvents} ClientToServerEvents
 * @typedef {import("socket.io-client").Socket<ServerToClientEvents, ClientToServerEvents>} RealtimeSocket
 * @typedef {import("realtime-events").RealtimeAuth} RealtimeAuth
 * @typedef {import("realtime-events").RealtimeConnectError} RealtimeConnectError
 * @typedef {import("socket.io-client").ManagerOptions & import("socket.io-client").SocketOptions} Options
 */

const [, , url, token, serviceToken] = process.argv;
/** @type {Record<string, unknown>} */
const results = {};

/**
 * The promise, or a rejection naming what did not happen within the time.
 * @template T
 * @param {Promise<T>} promise
 * @param {string} what
 * @param {number} [ms]
 * @returns {Promise<T>}
 */
const within = (promise, what, ms = 10000) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error("timeout: " + what)), ms)),
  ]);

/**
 * @param {RealtimeAuth} auth
 * @param {Partial<Options>} options
 * @returns {RealtimeSocket}
 */
const connect = (auth, options) => io(url + "/realtime", { ...options, auth });

/**
 * The first argument of the next `event` the server emits.
 * @template {keyof ServerToClientEvents} E
 * @param {RealtimeSocket} socket
 * @param {E} event
 * @returns {Promise<Parameters<ServerToClientEvents[E]>[0]>}
 */
const next = (socket, event) =>
  within(new Promise((resolve) => socket.once(event, /** @type {any} */ (resolve))), event);

/** @param {string} name */
async function transport(name) {
  const socket = connect({ token }, { transports: [name], reconnection: false });
  const me = await next(socket, "authenticated");
  const ack = await within(
    socket.emitWithAck("join_channel", { channels: ["product:js"] }),
    "join_channel ack",
  );
  socket.disconnect();
  return { user: me.user_id, transport: name, ack };
}

async function connectError() {
  const socket = connect({ token: "bad" }, { transports: ["websocket"], reconnection: false });
  /** @type {Promise<RealtimeConnectError>} */
  const refused = new Promise((resolve) => socket.once("connect_error", resolve));
  const err = await within(refused, "connect_error");
  socket.close();
  return { message: err.message, data: err.data };
}

async function recovery() {
  /** @type {Partial<Options>} */
  const options = { transports: ["websocket"], reconnectionDelay: 300, reconnectionDelayMax: 300 };
  const customer = connect({ token }, options);
  const service = connect({ token: serviceToken }, options);
  await Promise.all([next(customer, "authenticated"), next(service, "authenticated")]);
  /** @type {unknown[]} */
  const received = [];
  customer.on("product_price_change", (envelope) => received.push(envelope.data.n));
  await within(
    customer.emitWithAck("join_channel", { channels: ["product:js-recovery"] }),
    "join_channel ack",
  );
  /** @param {number} n */
  const publish = (n) =>
    within(
      service.emitWithAck("broadcast_event", {
        channel: "product:js-recovery",
        event_type: "product_price_change",
        data: { n },
      }),
      "broadcast_event ack",
    );
  await publish(0);
  while (received.length < 1) await new Promise((r) => setTimeout(r, 20));
  const firstId = customer.id;
  customer.io.engine.close(); // a network drop: the client reconnects by itself
  await publish(1);
  await publish(2);
  await within(
    new Promise((resolve) => customer.once("connect", () => resolve(undefined))),
    "connect",
  );
  const recovered = customer.recovered;
  const sameId = customer.id === firstId;
  const deadline = Date.now() + 10000;
  while (received.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  customer.disconnect();
  service.disconnect();
  return { recovered, sameId, received };
}

try {
  results.websocket = await transport("websocket");
  results.polling = await transport("polling");
  results.connectError = await connectError();
  results.recovery = await recovery();
  console.log(JSON.stringify(results));
  process.exit(0);
} catch (e) {
  console.log(JSON.stringify({ error: String(e), partial: results }));
  process.exit(1);
}
