sap.ui.define(["sap/ui/core/UIComponent", "sap/ui/model/json/JSONModel"], (UIComponent, JSONModel) => {
  "use strict";

  /**
   * The todo page. Its default model holds the page state: the todos as the server acknowledged
   * or broadcast them, the connection state and the login form.
   */
  return UIComponent.extend("cdswebsocket.todo.Component", {
    metadata: {
      manifest: "json",
      interfaces: ["sap.ui.core.IAsyncContentCreation"],
    },

    init(...args) {
      UIComponent.prototype.init.apply(this, args);
      this.setModel(
        new JSONModel({
          todos: [],
          newTitle: "",
          user: "",
          connected: false,
          login: { user: "", password: "", error: "", busy: false },
        }),
      );
    },
  });
});
