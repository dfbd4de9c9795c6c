package org.cdswebsocket.dispatch;

/**
 * Makes client-supplied text safe for one log line: control characters (CR, LF, tab, ...) are
 * written as {@code \n}-style or {@code \}{@code uXXXX} escapes, so a client cannot forge log
 * lines, and long text is cut to {@value #MAX_LENGTH} characters. Stateless.
 */
public final class LogText {

  /** The most characters of one value that reach the log. */
  static final int MAX_LENGTH = 200;

  private LogText() {}

  /** The escaped, shortened text; {@code null} stays {@code "null"}. */
  public static String of(Object value) {
    String text = String.valueOf(value);
    int end = Math.min(text.length(), MAX_LENGTH);
    StringBuilder out = new StringBuilder(end + 16);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (text.length() > MAX_LENGTH) {
      out.append("...(").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
