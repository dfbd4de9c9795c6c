package org.cdswebsocket.model;

import java.util.Locale;

/**
 * What the automatic CRUD broadcast ({@code <Entity>:created|updated|deleted}) carries, from
 * {@code @ws.broadcast.content} / {@code @ws.broadcast} (and the {@code @websocket.} variants) on
 * the entity, as in the Node plugin.
 */
public enum BroadcastContent {
  /** Only the key elements (the default, also for unknown values). */
  KEY,
  /** The whole row as acknowledged to the caller. */
  DATA,
  /** No broadcast at all. */
  NONE;

  /**
   * Parses {@code key}, {@code data} or {@code none} (any case); {@code null} and any other string
   * are {@link #KEY}, as in the Node plugin.
   *
   * @throws IllegalArgumentException for a value that is no string (a number, list or record)
   */
  public static BroadcastContent parse(Object value) {
    if (value == null) {
      return KEY;
    }
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("Not a broadcast content: " + value);
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "data" -> DATA;
      case "none" -> NONE;
      default -> KEY;
    };
  }
}
