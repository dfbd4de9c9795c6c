// Drives the npm socket.io-client 4.x against the adapter; prints one JSON line per step.
const { io } = require("socket.io-client");
const [port, transport] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const out = (o) => console.log(JSON.stringify(o));
const connect = (path, extra) =>
  io(base + path, { transports: [transport], forceNew: true, reconnection: false, ...extra });
const connectError = (socket) =>
  new Promise((resolve) => socket.on("connect_error", (e) => resolve(e.message)));

(async () => {
  setTimeout(() => { out({ fatal: "timeout" }); process.exit(2); }, 15000).unref();

  const s = connect("/ws/chat?id=n1", { auth: { token: "good" } });
  await new Promise((resolve, reject) => {
    s.on("connect", resolve);
    s.on("connect_error", reject);
  });
  const ack = await s.timeout(5000).emitWithAck("message", { text: "hi" }, { h: "v" });
  out({ step: "ack", ack });
  const received = new Promise((resolve) => s.on("received", resolve));
  s.emit("echo-broadcast", { text: "to all" });
  out({ step: "broadcast", data: await received });
  s.close();

  const bad = connect("/ws/chat", { auth: { token: "bad" } });
  out({ step: "badToken", message: await connectError(bad) });
  bad.close();

  const unknown = connect("/ws/nope", { auth: { token: "good" } });
  out({ step: "unknown", message: await connectError(unknown) });
  unknown.close();

  const header = connect("/ws/chat", { extraHeaders: { Authorization: "Bearer good" } });
  await new Promise((resolve) => header.on("connect", resolve));
  out({ step: "header", ack: await header.timeout(5000).emitWithAck("message", { text: "h" }) });
  header.close();
  process.exit(0);
})().catch((e) => { out({ fatal: String(e) }); process.exit(1); });
