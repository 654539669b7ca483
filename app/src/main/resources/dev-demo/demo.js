// The official Socket.IO browser client against the server, as a shop's product page would use
// it: a development token, the polling-to-websocket upgrade, a product channel, live prices.
const $ = (id) => document.getElementById(id);
const product = new URLSearchParams(location.search).get("product") || "123";
$("product").textContent = product;
$("product-again").textContent = product;

function fail(message) {
  $("state").textContent = "failed";
  $("error").textContent = message;
}

async function main() {
  if (typeof io !== "function") {
    fail("socket.io.min.js did not load: npm install socket.io-client@4 where the server runs, or set REALTIME_DEV_SOCKETIO_CLIENT to its dist/socket.io.min.js");
    return;
  }
  const reply = await fetch(`/dev/token?user=demo-browser&roles=customer`);
  if (!reply.ok) {
    fail(`no development token: HTTP ${reply.status}`);
    return;
  }
  const token = await reply.text();
  // the browser's defaults: polling first, then the upgrade to websocket
  const socket = io(`${location.origin}/realtime`, { auth: { token } });
  window.demoSocket = socket;
  socket.on("connect", () => {
    $("state").textContent = "connected";
    const engine = socket.io.engine;
    $("transport").textContent = engine.transport.name;
    engine.on("upgrade", (transport) => ($("transport").textContent = transport.name));
  });
  socket.on("disconnect", (why) => ($("state").textContent = `disconnected (${why})`));
  socket.on("connect_error", (err) => fail(`${err.message} ${JSON.stringify(err.data || {})}`));
  socket.on("authenticated", (me) => {
    $("user").textContent = me.user_id;
    socket.emit("join_channel", { channels: [`product:${product}`] }, (ack) => {
      $("state").textContent = ack.ok ? `joined product:${product}` : `refused ${JSON.stringify(ack)}`;
    });
  });
  socket.on("product_price_change", (event) => {
    $("price").textContent = String(event.data.new_price);
  });
}

main().catch((e) => fail(String(e)));
