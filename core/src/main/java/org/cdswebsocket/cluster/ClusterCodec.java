package org.cdswebsocket.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.cdswebsocket.spi.Json;

/** Encodes cluster messages as JSON text, so that any bus can carry them. Thread-safe. */
final class ClusterCodec {

  private ClusterCodec() {}

  static String encode(ClusterMessage message) {
    return Json.write(message);
  }

  static ClusterMessage decode(String text) {
    try {
      return Json.mapper().readValue(text, ClusterMessage.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a cluster message: " + e.getOriginalMessage(), e);
    }
  }
}
