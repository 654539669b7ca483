// The official client with permessage-deflate: large events in both directions arrive intact.
// Usage: node js-compression.mjs <base url> <customer token> <service token>
// Prints one JSON line: the negotiated extensions and what arrived.
import { io } from "socket.io-client";

const [, , url, token, serviceToken] = process.argv;

const within = (promise, what, ms = 10000) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error("timeout: " + what)), ms)),
  ]);

// engine.io-client in Node offers permessage-deflate (threshold 1024) by default; said here so
// that the test does not depend on that default
const options = {
  transports: ["websocket"],
  reconnection: false,
  perMessageDeflate: { threshold: 1024 },
};
const connect = (auth) => io(url + "/realtime", { ...options, auth });
const next = (socket, event) =>
  within(new Promise((resolve) => socket.once(event, resolve)), event);

// about 6 KB of Bangla and Latin text: a notification a phone would get
const text = "অর্ডার পাঠানো হয়েছে — order shipped, arriving tomorrow. ".repeat(60);

try {
  const customer = connect({ token });
  const service = connect({ token: serviceToken });
  await Promise.all([next(customer, "authenticated"), next(service, "authenticated")]);
  await within(
    customer.emitWithAck("join_channel", { channels: ["product:js-deflate"] }),
    "join_channel ack",
  );
  const received = next(customer, "product_price_change");
  // the client compresses this frame (over its threshold): the server inflates it
  const ack = await within(
    service.emitWithAck("broadcast_event", {
      channel: "product:js-deflate",
      event_type: "product_price_change",
      data: { text },
    }),
    "broadcast_event ack",
  );
  const envelope = await received;
  const extensions = customer.io.engine.transport.ws.extensions;
  customer.disconnect();
  service.disconnect();
  console.log(
    JSON.stringify({ extensions, ack, intact: envelope.data.text === text, length: text.length }),
  );
  process.exit(0);
} catch (e) {
  console.log(JSON.stringify({ error: String(e) }));
  process.exit(1);
}
