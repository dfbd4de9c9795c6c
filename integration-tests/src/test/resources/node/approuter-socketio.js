// Drives the npm socket.io-client through the approuter only: argv[2] = approuter base URL.
// Prints one JSON line per scenario: {scenario, connected, transport, welcome, ack, error}.
const { io } = require("socket.io-client");

const base = process.argv[2];
const basic = (u) => "Basic " + Buffer.from(u + ":" + u).toString("base64");

function scenario(name, transports, user) {
  return new Promise((resolve) => {
    const headers = { Origin: base }; // a page served by the approuter: same origin
    if (user) headers.Authorization = basic(user);
    const socket = io(base + "/ws/filter?id=approuter-" + name, {
      transports, forceNew: true, reconnection: false, extraHeaders: headers, timeout: 10000,
    });
    const result = { scenario: name };
    const done = () => { socket.close(); resolve(result); };
    const timer = setTimeout(() => { result.error = "timeout"; done(); }, 20000);
    socket.on("welcome", (data) => { result.welcome = data.user; });
    let contextsSeen;
    const contextsArrived = new Promise((r) => { contextsSeen = r; });
    socket.on("contexts", (data) => { result.contexts = data.contexts; contextsSeen(); });
    socket.on("connect", async () => {
      result.connected = true;
      try {
        result.ack = await socket.timeout(10000).emitWithAck("wsContext", { context: "via-approuter" });
        socket.emit("facade", { op: "report" }); // the service answers with the applied contexts
        await Promise.race([contextsArrived, new Promise((r) => setTimeout(r, 10000))]);
        if (transports.length > 1) {
          await new Promise((r) => setTimeout(r, 500));
        }
        result.transport = socket.io.engine.transport.name;
      } catch (e) {
        result.error = String(e.message || e);
      }
      clearTimeout(timer);
      done();
    });
    socket.on("connect_error", (e) => { result.connected = false; result.error = e.message; clearTimeout(timer); done(); });
  });
}

(async () => {
  for (const [name, transports, user] of [
    ["websocket", ["websocket"], "alice"],
    ["polling", ["polling"], "bob"],
    ["upgrade", ["polling", "websocket"], "alice"],
    ["anonymous", ["polling"], null],
  ]) {
    console.log(JSON.stringify(await scenario(name, transports, user)));
  }
  process.exit(0);
})();
