package org.cdswebsocket.ws.endpoint;

/**
 * Assembles one session's text message from the parts the container delivers, so that the
 * container's own message buffer can stay small: an idle session holds no buffer at all, a message
 * that arrives in one part is passed on without copying, and a longer one grows a builder up to the
 * limit only while it arrives.
 *
 * <p>Not thread-safe: the container delivers one session's parts one at a time.
 */
final class TextAssembler {

  /** What to do with a part. */
  interface Sink {
    /** A whole message arrived. */
    void message(String text);

    /** The message grew over the limit; it is discarded. */
    void tooBig();
  }

  private final int maxChars;
  private StringBuilder pending;
  private boolean discarding;

  TextAssembler(int maxChars) {
    this.maxChars = maxChars;
  }

  /** One part of a message; {@code last} ends it. */
  void part(String part, boolean last, Sink sink) {
    if (discarding) {
      discarding = !last;
      return;
    }
    if (pending == null && last) {
      if (part.length() > maxChars) {
        sink.tooBig();
      } else {
        sink.message(part);
      }
      return;
    }
    int size = (pending == null ? 0 : pending.length()) + part.length();
    if (size > maxChars) {
      pending = null;
      discarding = !last;
      sink.tooBig();
      return;
    }
    if (pending == null) {
      pending = new StringBuilder(Math.max(part.length() * 2, 256));
    }
    pending.append(part);
    if (last) {
      String text = pending.toString();
      pending = null;
      sink.message(text);
    }
  }
}
