// Drives the server with the official JavaScript client; prints one JSON line of results.
// Usage: node js-client.mjs <base url> <customer token> <service token>
import { io } from "socket.io-client";

const [, , url, token, serviceToken] = process.argv;
const results = {};
const timeout = (ms, what) =>
  new Promise((_, reject) => setTimeout(() => reject(new Error("timeout: " + what)), ms));
const once = (socket, event, ms = 10000) =>
  Promise.race([new Promise((resolve) => socket.once(event, (...args) => resolve(args))), timeout(ms, event)]);

async function transport(name) {
  const socket = io(url + "/realtime", { auth: { token }, transports: [name], reconnection: false });
  const [me] = await once(socket, "authenticated");
  const ack = await socket.timeout(10000).emitWithAck("join_channel", { channels: ["product:js"] });
  socket.disconnect();
  return { user: me.user_id, transport: socket.io.engine ? name : name, ack };
}

async function connectError() {
  const socket = io(url + "/realtime", { auth: { token: "bad" }, transports: ["websocket"], reconnection: false });
  const [err] = await once(socket, "connect_error");
  socket.close();
  return { message: err.message, data: err.data };
}

async function recovery() {
  const options = { transports: ["websocket"], reconnectionDelay: 300, reconnectionDelayMax: 300 };
  const customer = io(url + "/realtime", { ...options, auth: { token } });
  const service = io(url + "/realtime", { ...options, auth: { token: serviceToken } });
  await Promise.all([once(customer, "authenticated"), once(service, "authenticated")]);
  const received = [];
  customer.on("product_price_change", (envelope) => received.push(envelope.data.n));
  await customer.timeout(10000).emitWithAck("join_channel", { channels: ["product:js-recovery"] });
  const publish = (n) =>
    service.timeout(10000).emitWithAck("broadcast_event", {
      channel: "product:js-recovery",
      event_type: "product_price_change",
      data: { n },
    });
  await publish(0);
  while (received.length < 1) await new Promise((r) => setTimeout(r, 20));
  const firstId = customer.id;
  customer.io.engine.close(); // a network drop: the client reconnects by itself
  await publish(1);
  await publish(2);
  await once(customer, "connect");
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
