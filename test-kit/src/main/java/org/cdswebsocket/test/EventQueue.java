package org.cdswebsocket.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The events a client received, in arrival order, with bounded waits. A transport thread {@link
 * #add adds}; the test thread takes. Every take removes what it returns or skips.
 *
 * @param <E> the event type
 */
final class EventQueue<E> {

  private final BlockingQueue<E> received = new LinkedBlockingQueue<>();

  /** Adds an event; called by the transport's thread. */
  void add(E event) {
    received.add(event);
  }

  /**
   * The next event matching {@code wanted}, skipping (and dropping) others.
   *
   * @throws AssertionError if none arrives within the timeout; the message names {@code what}
   */
  E next(Predicate<? super E> wanted, String what, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      E event = poll(deadline);
      if (event == null) {
        throw new AssertionError("No " + what + " within " + timeout);
      }
      if (wanted.test(event)) {
        return event;
      }
    }
  }

  /**
   * Every event up to and including the next one matching {@code last} (the last element). A marker
   * the server sends after the events under test proves what was or was not delivered, without
   * timing assumptions.
   *
   * @throws AssertionError if no such event arrives within the timeout; names what came instead
   */
  List<E> until(Predicate<? super E> last, String what, Duration timeout)
      throws InterruptedException {
    List<E> before = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      E event = poll(deadline);
      if (event == null) {
        throw new AssertionError("No " + what + " within " + timeout + "; got " + before);
      }
      before.add(event);
      if (last.test(event)) {
        return before;
      }
    }
  }

  /** Every event that arrives within the duration (waits the whole duration). */
  List<E> collect(Duration within) throws InterruptedException {
    List<E> found = new ArrayList<>();
    long deadline = System.nanoTime() + within.toNanos();
    E event;
    while ((event = poll(deadline)) != null) {
      found.add(event);
    }
    return found;
  }

  private E poll(long deadline) throws InterruptedException {
    long left = deadline - System.nanoTime();
    return left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : received.poll();
  }
}
