package org.cdswebsocket.ws.endpoint;

import com.sap.cds.services.request.UserInfo;
import com.sap.cds.services.runtime.CdsRuntime;

/**
 * The CAP user of the upgrade request being handled on this thread, as the application's security
 * chain authenticated it: read in a CAP request context, which takes the user from the chain. Used
 * by the admission filter and by the handshake, both on the request thread of the upgrade.
 */
public final class UpgradeUser {

  private UpgradeUser() {}

  /** The CAP user of the current request (anonymous when the chain authenticated nobody). */
  public static UserInfo current(CdsRuntime runtime) {
    return runtime
        .requestContext()
        .run(
            context -> {
              return context.getUserInfo();
            });
  }
}
