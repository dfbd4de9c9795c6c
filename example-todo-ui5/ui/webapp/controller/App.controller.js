sap.ui.define(
  ["sap/ui/core/mvc/Controller", "sap/m/MessageBox", "sap/m/MessageToast", "cdswebsocket/todo/model/TodoSocket"],
  (Controller, MessageBox, MessageToast, TodoSocket) => {
    "use strict";

    const byCreation = (a, b) => String(a.createdAt).localeCompare(String(b.createdAt));

    /**
     * The todo list: a login dialog, then every change goes over the socket and the list shows
     * what the server acknowledged (own changes) or broadcast (other clients' changes).
     */
    return Controller.extend("cdswebsocket.todo.controller.App", {
      onInit() {
        this.state = this.getOwnerComponent().getModel();
        // async ResourceModel: the bundle arrives as a promise, long before the first message
        Promise.resolve(this.getOwnerComponent().getModel("i18n").getResourceBundle()).then((bundle) => {
          this.texts = bundle;
        });
        this.openLogin();
      },

      onExit() {
        this.socket?.close();
      },

      async openLogin() {
        this.loginDialog ??= await this.loadFragment({ name: "cdswebsocket.todo.view.Login" });
        this.loginDialog.open();
      },

      /** The login dialog stays open until a login succeeded. */
      onLoginEscape(escape) {
        escape.reject();
      },

      async onLogin() {
        const { user, password, busy } = this.state.getProperty("/login");
        if (busy) {
          return;
        }
        this.state.setProperty("/login/busy", true);
        this.state.setProperty("/login/error", "");
        try {
          this.socket = await TodoSocket.connect(user, password, {
            created: (row) => this.apply(row),
            updated: (row) => this.apply(row),
            deleted: (key) => this.apply(key, true),
            connection: (connected, reconnected) => this.onConnection(connected, reconnected),
          });
          this.state.setProperty("/user", user);
          this.state.setProperty("/login/password", "");
          this.loginDialog.close();
          await this.load();
        } catch (error) {
          const message = error.code === 401 ? this.text("wrongCredentials") : error.message;
          this.state.setProperty("/login/error", message);
        } finally {
          this.state.setProperty("/login/busy", false);
        }
      },

      onLogout() {
        this.socket?.close();
        this.socket = null;
        this.state.setProperty("/todos", []);
        this.state.setProperty("/user", "");
        this.state.setProperty("/connected", false);
        this.openLogin();
      },

      onConnection(connected, reconnected) {
        this.state.setProperty("/connected", connected);
        if (reconnected) {
          // whatever changed while offline: read the list again
          this.load().catch((error) => MessageToast.show(error.message));
        }
      },

      /**
       * Reads the whole list with `Todos:list`. Broadcasts that arrive while the list is on its
       * way are applied again afterwards, so none is lost.
       */
      async load() {
        const meanwhile = [];
        this.pending = meanwhile;
        try {
          const rows = await this.socket.call("Todos:list", {});
          this.state.setProperty("/todos", rows.sort(byCreation));
          meanwhile.forEach(([row, removed]) => this.apply(row, removed));
        } finally {
          if (this.pending === meanwhile) {
            this.pending = null;
          }
        }
      },

      /** Puts a row into the list (replacing the one with its ID), or removes it. */
      apply(row, removed = false) {
        this.pending?.push([row, removed]);
        const todos = this.state.getProperty("/todos").filter((todo) => todo.ID !== row.ID);
        if (!removed) {
          const previous = this.state.getProperty("/todos").find((todo) => todo.ID === row.ID);
          todos.push({ ...previous, ...row });
          todos.sort(byCreation);
        }
        this.state.setProperty("/todos", todos);
      },

      async onAdd() {
        const title = this.state.getProperty("/newTitle").trim();
        try {
          const row = await this.socket.call("Todos:create", { title });
          this.apply(row);
          this.state.setProperty("/newTitle", "");
          MessageToast.show(this.text("added", [row.title]));
        } catch (error) {
          this.fail("Todos:create", error);
        }
      },

      async onToggle(event) {
        const todo = event.getSource().getBindingContext().getObject();
        const done = event.getParameter("selected");
        try {
          this.apply(await this.socket.call("Todos:update", { ID: todo.ID, done }));
        } catch (error) {
          this.apply({ ...todo, done: !done });
          this.fail("Todos:update", error);
        }
      },

      async onDelete(event) {
        const todo = event.getParameter("listItem").getBindingContext().getObject();
        try {
          await this.socket.call("Todos:delete", { ID: todo.ID });
          this.apply(todo, true);
          MessageToast.show(this.text("deleted", [todo.title]));
        } catch (error) {
          this.fail("Todos:delete", error);
        }
      },

      text(key, args) {
        return this.texts ? this.texts.getText(key, args) : key;
      },

      /** "by alice" beside a todo; nothing while the owner is unknown. */
      formatOwner(pattern, user) {
        return user ? pattern.replace("{0}", user) : "";
      },

      /** Shows an error from an acknowledgement (or a missing one). */
      fail(event, error) {
        const code = error.code ? ` (${error.code})` : "";
        MessageBox.error(this.text("failed", [event, error.message + code]));
      },
    });
  },
);
