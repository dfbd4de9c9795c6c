package org.cdswebsocket.spi;

/**
 * Makes client-supplied text safe to log: control characters (line breaks included, so a client
 * cannot forge log lines), quotes and backslashes are escaped, and the text is cut after {@value
 * #MAX} characters. Stateless and thread-safe.
 */
public final class LogSafe {

  /** The longest text logged. */
  public static final int MAX = 200;

  private LogSafe() {}

  /** The escaped, length-limited form of {@code text}, in double quotes; {@code null} as is. */
  public static String text(Object text) {
    if (text == null) {
      return "null";
    }
    String s = String.valueOf(text);
    StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 8).append('"');
    int end = Math.min(s.length(), MAX);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (s.length() > MAX) {
      out.append("...(").append(s.length()).append(" chars)");
    }
    return out.append('"').toString();
  }
}
