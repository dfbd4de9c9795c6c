package org.cdswebsocket.authorization;

import org.cdswebsocket.spi.ClientInfo;

/**
 * Decides whether the user of a client may use a websocket-enabled service at all (its
 * service-level {@code @requires} / {@code @restrict}); a client that may not is refused at connect
 * and never receives the service's events.
 *
 * <p>Called once per connect on the connecting thread, which may block. Implementations are
 * thread-safe and do not throw: a decision that cannot be made is a refusal.
 */
@FunctionalInterface
public interface ServiceAccess {

  /** Grants every service; for tests and set-ups without CAP authorization. */
  ServiceAccess ALL = (client, service) -> true;

  /**
   * Whether the client's user may use the service.
   *
   * @param client who connects
   * @param service the qualified service name
   */
  boolean mayUse(ClientInfo client, String service);
}
