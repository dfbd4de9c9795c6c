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

  /** Parses {@code key}, {@code data} or {@code none} (any case); anything else is {@link #KEY}. */
  public static BroadcastContent parse(Object value) {
    if (value == null) {
      return KEY;
    }
    return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
      case "data" -> DATA;
      case "none" -> NONE;
      default -> KEY;
    };
  }
}
