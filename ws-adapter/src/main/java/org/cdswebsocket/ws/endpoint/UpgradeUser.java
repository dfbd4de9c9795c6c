package org.cdswebsocket.ws.endpoint;

import com.sap.cds.services.request.UserInfo;
import com.sap.cds.services.runtime.CdsRuntime;

/**
 * The CAP user of the upgrade request being handled on this thread, as the application's security
 * chain authenticated it: CAP's user provider chain ({@link CdsRuntime#getProvidedUserInfo()}),
 * which is where a request context opened on this thread would take its user from, without the cost
 * of opening one (about 50 µs of a connect). Used by the admission filter on the request thread of
 * the upgrade.
 */
public final class UpgradeUser {

  private UpgradeUser() {}

  /** The CAP user of the current request (anonymous when the chain authenticated nobody). */
  public static UserInfo current(CdsRuntime runtime) {
    return runtime.getProvidedUserInfo();
  }
}
