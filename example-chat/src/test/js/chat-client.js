// The chat over kind socket.io with the npm socket.io-client 4.x, as browser and Node clients of
// the Node plugin use it. Usage: node chat-client.js <socket.io port> <http port> <transport> <mode>
// mode "same-port": Socket.IO on the app's port, credentials in the Authorization header (the app's
// security chain checks every Engine.IO request); "standalone": its own port, credentials in the
// Socket.IO auth payload, plus the ticket flow.
// Prints one JSON line per step; exits 0 when every step ran (assertions are in ChatSocketIoNodeIT).
const { io } = require("socket.io-client");

const [sioPort, httpPort, transport, mode] = process.argv.slice(2);
const samePort = mode === "same-port";
const base = `http://127.0.0.1:${sioPort}`;
const basic = (user, password) => "Basic " + Buffer.from(`${user}:${password}`).toString("base64");
const out = (step, value) => console.log(JSON.stringify({ step, value }));
// the credentials where the mode checks them
const as = (user, password) =>
  samePort
    ? { extraHeaders: { Authorization: basic(user, password) } }
    : { auth: { authorization: basic(user, password) } };
// a refusal: the server's connect_error message, or the HTTP status of a refused handshake
const refusal = (e) => {
  if (e.message !== "xhr poll error" && e.message !== "websocket error") return e.message;
  const status = String(e.description?.message ?? e.description ?? "").match(/\b(\d{3})\b/);
  return status ? status[1] : e.message;
};
const connect = (path, options) =>
  io(base + path, { transports: [transport], forceNew: true, reconnection: false, ...options });
const connected = (socket) =>
  new Promise((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", (e) => reject(new Error("connect_error " + e.message)));
  });
const connectError = async (path, options) => {
  const socket = connect(path, options);
  const message = await new Promise((resolve) => socket.on("connect_error", (e) => resolve(refusal(e))));
  socket.close();
  return message;
};
const next = (socket, event, accept = () => true) =>
  new Promise((resolve) => {
    const listener = (data) => {
      if (accept(data)) {
        socket.off(event, listener);
        resolve(data);
      }
    };
    socket.on(event, listener);
  });
const call = (socket, event, ...args) => socket.timeout(5000).emitWithAck(event, ...args);
// the acknowledgement's arguments as an array (emitWithAck keeps only the first)
const callRaw = (socket, event, ...args) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no ack for " + event)), 5000);
    socket.emit(event, ...args, (...ack) => { clearTimeout(timer); resolve(ack); });
  });

(async () => {
  setTimeout(() => { out("fatal", "timeout"); process.exit(2); }, 30000).unref();

  const alice = connect("/ws/chat?id=a1", as("alice", "alice"));
  await connected(alice);
  const bob = connect("/ws/chat", { extraHeaders: { Authorization: basic("bob", "bob") } });
  const bobJoined = next(alice, "presence", (p) => p.user === "bob" && p.status === "joined");
  await connected(bob);
  out("presenceJoined", await bobJoined);

  const aliceGets = next(alice, "received");
  const bobGets = next(bob, "received");
  out("messageAck", await call(alice, "message", { text: "hello bob" }));
  out("aliceReceived", await aliceGets);
  out("bobReceived", await bobGets);

  out("announceByBob", await call(bob, "announce", { text: "no moderator" }));
  out("wrongType", await call(bob, "message", { text: 42 }));
  out("unknownEvent", await call(bob, "doesNotExist", {}));
  out("dataNotObject", await call(bob, "message", "text"));
  out("binary", await call(bob, "message", Buffer.from([1, 2, 3])));
  out("wsContext", await callRaw(alice, "wsContext", { context: "room-1" }));
  out("stillWorks", await call(bob, "message", { text: "still works" }));

  const bobLeft = next(alice, "presence", (p) => p.user === "bob" && p.status === "left");
  bob.close();
  out("presenceLeft", await bobLeft);
  alice.close();

  out("noCredentials", await connectError("/ws/chat", {}));
  out("wrongPassword", await connectError("/ws/chat", as("alice", "wrong")));
  out("unknownNamespace", await connectError("/ws/nope", as("alice", "alice")));
  if (samePort) {
    process.exit(0); // tickets exist for the standalone port only
  }

  // the browser flow: a ticket from the app's authenticated GET /ws-ticket, no password on the socket
  const response = await fetch(`http://127.0.0.1:${httpPort}/ws-ticket`, {
    headers: { Authorization: basic("bob", "bob") },
  });
  const { ticket } = await response.json();
  const viaTicket = connect("/ws/chat", { auth: { ticket } });
  await connected(viaTicket);
  out("ticketAck", await call(viaTicket, "message", { text: "via ticket" }));
  viaTicket.close();
  out("ticketReplay", await connectError("/ws/chat", { auth: { ticket } }));
  process.exit(0);
})().catch((e) => { out("fatal", String(e)); process.exit(1); });
