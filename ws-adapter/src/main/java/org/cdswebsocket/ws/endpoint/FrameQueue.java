package org.cdswebsocket.ws.endpoint;

/**
 * The frames waiting for one connection, in order: a ring of references that allocates nothing per
 * frame (a linked queue costs a node per frame, which at one frame per recipient of every broadcast
 * was half of what kind ws allocated per delivery) and nothing while the connection never had to
 * queue. Bounded by {@code limit}: {@link #offer} refuses a frame beyond it.
 *
 * <p>Thread-safe: every method holds the queue's monitor briefly; one thread adds while the sender
 * thread takes, so the monitor is rarely contended.
 */
final class FrameQueue {

  private static final int INITIAL_CAPACITY = 8;

  private final int limit;
  private byte[][] ring;
  private int head;
  private int size;

  /**
   * @param limit the most frames that may wait
   */
  FrameQueue(int limit) {
    this.limit = limit;
  }

  /** Appends {@code frame}; {@code false} (and nothing appended) when {@code limit} frames wait. */
  synchronized boolean offer(byte[] frame) {
    if (size >= limit) {
      return false;
    }
    add(frame);
    return true;
  }

  /** Appends {@code frame} even beyond the limit (control frames: a close, a pong). */
  synchronized void force(byte[] frame) {
    add(frame);
  }

  /** Drops everything that waits and appends {@code frame}. */
  synchronized void replaceAllWith(byte[] frame) {
    clearLocked();
    add(frame);
  }

  /** The oldest frame, removed, or {@code null} when none waits. */
  synchronized byte[] poll() {
    if (size == 0) {
      return null;
    }
    byte[] frame = ring[head];
    ring[head] = null;
    head = (head + 1) & (ring.length - 1);
    size--;
    return frame;
  }

  /** Drops everything that waits. */
  synchronized void clear() {
    clearLocked();
  }

  synchronized int size() {
    return size;
  }

  synchronized boolean isEmpty() {
    return size == 0;
  }

  private void add(byte[] frame) {
    if (ring == null) {
      ring = new byte[INITIAL_CAPACITY][];
    } else if (size == ring.length) {
      byte[][] grown = new byte[ring.length * 2][];
      for (int i = 0; i < size; i++) {
        grown[i] = ring[(head + i) & (ring.length - 1)];
      }
      ring = grown;
      head = 0;
    }
    ring[(head + size) & (ring.length - 1)] = frame;
    size++;
  }

  private void clearLocked() {
    if (ring != null) {
      java.util.Arrays.fill(ring, null);
    }
    head = 0;
    size = 0;
  }
}
