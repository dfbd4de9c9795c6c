// The chat page: logs in with a CAP mock user and chats over kind ws (browser WebSocket) or
// kind socket.io (socket.io-client served by this app). No framework, no CDN.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  let connection;

  function show(kind, text, user) {
    const item = document.createElement("li");
    item.className = kind;
    if (user) {
      const who = document.createElement("span");
      who.className = "user";
      who.textContent = user;
      item.appendChild(who);
    }
    item.appendChild(document.createTextNode(text));
    $("messages").appendChild(item);
    $("messages").scrollTop = $("messages").scrollHeight;
  }

  function onEvent(event, data) {
    if (event === "received") show("message", data.text, data.user);
    if (event === "presence") show("presence", data.user + " " + data.status);
  }

  function status(text) {
    $("status").textContent = text;
  }

  // Kind ws: browsers cannot set an Authorization header on a WebSocket, so the mock-user
  // credentials travel in the X-Authorization cookie (development only, see README).
  function connectWs(config, authorization) {
    document.cookie = "X-Authorization=" + encodeURIComponent(authorization) + "; path=/; SameSite=Strict";
    const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + config.path;
    const socket = new WebSocket(url);
    let opened = false;
    socket.onopen = () => { opened = true; status("Connected as " + $("user").value + " (ws)"); };
    socket.onmessage = (message) => {
      const frame = JSON.parse(message.data);
      onEvent(frame.event, frame.data);
    };
    socket.onclose = (close) => {
      if (!opened) return loginFailed();
      status("Disconnected (" + close.code + ")");
    };
    return {
      send: (text) => socket.send(JSON.stringify({ event: "message", data: { text } })),
      close: () => socket.close(1000, "left"),
    };
  }

  // Kind socket.io, same origin as the page: io("/ws/chat") on the app's own port, through the
  // app's security chain. With typed mock-user credentials the polling requests carry them as a
  // header and the websocket upgrade as the X-Authorization cookie (development only, see README);
  // with "browser login" no credential passes through this script: the browser's own login
  // (its Basic dialog, or the session an approuter keeps) authenticates every request.
  function connectSocketIo(config, authorization) {
    const browserLogin = authorization === "browser";
    document.cookie = "X-Authorization=" + (browserLogin ? "" : encodeURIComponent(authorization)) + "; path=/; SameSite=Strict";
    const who = browserLogin ? "browser login" : $("user").value;
    const options = { reconnectionAttempts: 3 };
    // X-Requested-With: a refused request gets a plain 401 from Spring Security, not a Basic
    // challenge that would make the browser open its own login dialog over the page's form
    if (!browserLogin) options.extraHeaders = { Authorization: authorization, "X-Requested-With": "XMLHttpRequest" };
    const socket = io(config.path, options);
    let connected = false;
    socket.on("connect", () => { connected = true; status("Connected as " + who + " (socket.io)"); });
    // a refused handshake (HTTP 401 from the app's security chain) ends the attempt at once
    socket.on("connect_error", (error) => {
      if (connected) return status("Error: " + error.message);
      socket.disconnect();
      loginFailed();
    });
    socket.on("received", (data) => onEvent("received", data));
    socket.on("presence", (data) => onEvent("presence", data));
    socket.on("disconnect", (reason) => status("Disconnected (" + reason + ")"));
    return {
      send: (text) => socket.emit("message", { text }, (result) => {
        if (result && result.error) show("error", "Not sent: " + result.error.message);
      }),
      close: () => socket.disconnect(),
    };
  }

  function loginFailed() {
    $("chat").hidden = true;
    $("login").hidden = false;
    $("login-error").textContent = "Login failed: wrong user or password.";
    $("login-error").hidden = false;
  }

  async function config() {
    const config = await (await fetch("app/config.json")).json();
    $("kind").textContent = "kind " + config.kind;
    $("browser-login").hidden = config.kind !== "socket.io";
    return config;
  }

  async function join(event) {
    event.preventDefault();
    $("login-error").hidden = true;
    const authorization = event.submitter && event.submitter.id === "browser-login"
      ? "browser"
      : "Basic " + btoa($("user").value + ":" + $("password").value);
    const config = await configured;
    $("login").hidden = true;
    $("chat").hidden = false;
    connection = config.kind === "socket.io" ? connectSocketIo(config, authorization) : connectWs(config, authorization);
  }

  const configured = config();
  $("login").addEventListener("submit", join);
  $("send").addEventListener("submit", (event) => {
    event.preventDefault();
    connection.send($("text").value);
    $("text").value = "";
  });
  $("leave").addEventListener("click", () => {
    connection.close();
    $("chat").hidden = true;
    $("login").hidden = false;
  });
})();
