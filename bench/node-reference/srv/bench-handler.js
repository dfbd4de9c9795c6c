// Implementation of BenchService for the Node reference: emit `received` to every client.
// Written for this benchmark; it mirrors the Java handler (bench/src/main/java/.../BenchHandler.java).
module.exports = (srv) => {
  srv.on("send", (req) => {
    // The websocket plugin turns this emit into one broadcast to all connected clients.
    srv.emit("received", { text: req.data.text });
    return req.data.text;
  });
};
