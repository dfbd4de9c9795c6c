sap.ui.define([], () => {
  "use strict";

  const ACK_TIMEOUT_MS = 10000;
  const UNAUTHORIZED = "401";

  /** `Basic <base64(user:password)>`, UTF-8 safe (btoa alone only takes Latin-1). */
  const basic = (user, password) => {
    const bytes = new TextEncoder().encode(`${user}:${password}`);
    return `Basic ${btoa(String.fromCharCode(...bytes))}`;
  };

  /**
   * The page's Socket.IO connection to TodoService: namespace /ws/todo on the app's own origin
   * (`io("/ws/todo")`, no port), through the app's security chain.
   *
   * Every change is an entity event with an acknowledgement: `call("Todos:create", {title})`
   * resolves with the acknowledged row, or rejects with the error the server put into the
   * acknowledgement (`{error: {code, message}}`) or after 10 s without answer. Changes made by
   * other clients arrive as `Todos:created|updated|deleted` and are handed to the listeners.
   *
   * @example
   * const socket = await TodoSocket.connect("alice", "alice", { created: (row) => show(row) });
   * const row = await socket.call("Todos:create", { title: "Buy milk" });
   */
  class TodoSocket {
    /**
     * Connects as a mock user; the credentials go into the `Authorization` header of the Engine.IO
     * requests, which the app's security chain checks. (Browsers cannot put a header on a websocket
     * upgrade: with typed mock-user credentials the connection stays on long-polling; behind an
     * approuter its session authenticates the upgrade too.)
     *
     * @param {string} user the user name
     * @param {string} password the password
     * @param {object} listeners `created(row)`, `updated(row)`, `deleted(key)`,
     *   `connection(connected, reconnected)`
     * @returns {Promise<TodoSocket>} resolves once connected; rejects when the server refuses the
     *   credentials (message "401") or cannot be reached
     */
    static async connect(user, password, listeners) {
      const response = await fetch("config.json", { cache: "no-store" });
      if (!response.ok) {
        throw new Error(`No connection settings (HTTP ${response.status})`);
      }
      const { namespace } = await response.json();
      const socket = io(namespace, {
        // X-Requested-With: a refused request gets a plain 401 from Spring Security, not a Basic
        // challenge that would make the browser open its own login dialog over the page's form
        extraHeaders: { Authorization: basic(user, password), "X-Requested-With": "XMLHttpRequest" },
        forceNew: true,
        reconnectionDelayMax: 5000,
      });
      await new Promise((resolve, reject) => {
        const refused = (error) => {
          socket.off("connect", connected);
          socket.close();
          // the app's chain refuses the handshake with HTTP 401: socket.io-client reports it as a
          // transport error whose description is the status
          const status = error.description ?? error.context?.status;
          const refusedCredentials = status === 401 || error.message === UNAUTHORIZED;
          reject(refusedCredentials ? Object.assign(new Error(UNAUTHORIZED), { code: 401 }) : error);
        };
        const connected = () => {
          socket.off("connect_error", refused);
          resolve();
        };
        socket.once("connect", connected);
        socket.once("connect_error", refused);
      });
      return new TodoSocket(socket, listeners);
    }

    constructor(socket, listeners) {
      this.socket = socket;
      socket.on("Todos:created", (row) => listeners.created?.(row));
      socket.on("Todos:updated", (row) => listeners.updated?.(row));
      socket.on("Todos:deleted", (key) => listeners.deleted?.(key));
      socket.on("connect", () => listeners.connection?.(true, true));
      socket.on("disconnect", () => listeners.connection?.(false, false));
      listeners.connection?.(true, false);
    }

    /**
     * Emits an event and waits for its acknowledgement.
     *
     * @param {string} event e.g. `Todos:update`
     * @param {object} data the event's data, e.g. `{ID, done}`
     * @returns {Promise<any>} the acknowledged result
     */
    call(event, data) {
      return new Promise((resolve, reject) => {
        this.socket.timeout(ACK_TIMEOUT_MS).emit(event, data, (timedOut, result) => {
          if (timedOut) {
            reject(new Error(`No answer within ${ACK_TIMEOUT_MS / 1000} s`));
          } else if (result?.error) {
            reject(Object.assign(new Error(result.error.message), { code: result.error.code }));
          } else {
            resolve(result);
          }
        });
      });
    }

    /** Closes the connection for good (no reconnects). */
    close() {
      this.socket.close();
    }
  }

  return TodoSocket;
});
