package org.cdswebsocket.socketio.auth;

import com.sap.cds.services.request.UserInfo;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time, short-lived tickets that let a browser page served by the CAP application open a
 * Socket.IO connection without putting a password or token into JavaScript.
 *
 * <p>Flow: the page calls an authenticated HTTP endpoint of the app (the optional {@code GET
 * /ws-ticket}, or the app's own), which calls {@link #issue(UserInfo)} with the request's CAP user;
 * the page then connects with {@code io(url, {auth: {ticket}})}. The adapter redeems the ticket at
 * the namespace CONNECT: it is valid once, for {@code ttl}, and yields the user it was issued for.
 *
 * <pre>{@code
 * const { ticket } = await (await fetch("/ws-ticket")).json();
 * const socket = io("http://host:8081/ws/chat", { auth: { ticket } });
 * }</pre>
 *
 * <p>Thread-safe. Tickets are 256-bit random values; at most {@code maxOutstanding} tickets are
 * kept (expired ones are purged on each issue), so the store cannot grow without bound.
 */
public final class WebSocketTicketService {

  private final Duration ttl;
  private final int maxOutstanding;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

  private record Ticket(UserInfo user, Instant expiresAt) {}

  /**
   * @param ttl how long a ticket may be redeemed
   * @param maxOutstanding how many unredeemed tickets may exist at once
   * @param clock the time source
   */
  public WebSocketTicketService(Duration ttl, int maxOutstanding, Clock clock) {
    if (ttl.isNegative() || ttl.isZero() || maxOutstanding < 1) {
      throw new IllegalArgumentException("ticket ttl and capacity must be positive");
    }
    this.ttl = ttl;
    this.maxOutstanding = maxOutstanding;
    this.clock = clock;
  }

  /** The ticket lifetime. */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Issues a ticket for an authenticated user.
   *
   * @throws IllegalArgumentException if the user is not authenticated
   * @throws IllegalStateException if too many tickets are outstanding
   */
  public String issue(UserInfo user) {
    if (user == null || !user.isAuthenticated() || user.getName() == null) {
      throw new IllegalArgumentException("Tickets are only issued to authenticated users");
    }
    Instant now = clock.instant();
    if (tickets.size() >= maxOutstanding) {
      tickets.values().removeIf(t -> t.expiresAt().isBefore(now));
      if (tickets.size() >= maxOutstanding) {
        throw new IllegalStateException("Too many outstanding websocket tickets");
      }
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tickets.put(ticket, new Ticket(user, now.plus(ttl)));
    return ticket;
  }

  /** Redeems a ticket once; empty if it is unknown, already used or expired. */
  public Optional<UserInfo> redeem(String ticket) {
    if (ticket == null) {
      return Optional.empty();
    }
    Ticket t = tickets.remove(ticket);
    if (t == null || t.expiresAt().isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(t.user());
  }
}
