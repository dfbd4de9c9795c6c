package org.cdswebsocket.dispatch;

import java.util.Arrays;
import java.util.Optional;

/**
 * The entity event suffixes of the Node plugin ({@code <Entity>:<suffix>}), with the broadcast each
 * modifying one triggers ({@code <Entity>:created} and so on).
 */
enum EntityAction {
  /** Deep insert; acknowledges the sent data merged with the created row. */
  CREATE("create", "created"),
  /** One row by key; acknowledges the row or {@code null}. */
  READ("read", null),
  /** One row by key with its compositions expanded recursively. */
  READ_DEEP("readDeep", null),
  /** Update by key; a missing row is a not-found error. */
  UPDATE("update", "updated"),
  /** Delete by key; a missing row is a not-found error. */
  DELETE("delete", "deleted"),
  /** Rows matching an equality filter object (all rows for an empty one). */
  LIST("list", null);

  private final String suffix;
  private final String broadcastSuffix;

  EntityAction(String suffix, String broadcastSuffix) {
    this.suffix = suffix;
    this.broadcastSuffix = broadcastSuffix;
  }

  /** The action of this event suffix, if it is one. */
  static Optional<EntityAction> of(String suffix) {
    return Arrays.stream(values()).filter(a -> a.suffix.equals(suffix)).findFirst();
  }

  /** The event suffix, e.g. {@code readDeep}. */
  String suffix() {
    return suffix;
  }

  /** Whether the action changes data (and then is broadcast). */
  boolean modifies() {
    return broadcastSuffix != null;
  }

  /** The suffix of the broadcast event after success, or {@code null} for reading actions. */
  String broadcastSuffix() {
    return broadcastSuffix;
  }
}
