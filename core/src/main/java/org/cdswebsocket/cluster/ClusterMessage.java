package org.cdswebsocket.cluster;

import java.util.Map;
import java.util.Objects;
import org.cdswebsocket.recipients.Recipients;

/**
 * One broadcast as it travels between nodes: everything a node needs to deliver it to its own
 * sessions, including the resolved recipients, so that every filter (tenant, user, context,
 * identifier, excluded sender) holds cluster-wide.
 *
 * @param nodeId the publishing node, so that it can ignore its own message
 * @param event the event name
 * @param format the message format name
 * @param data the event data as plain JSON values
 * @param headers the format header section
 * @param recipients who receives it
 * @param serviceName the emitting service, or {@code null}
 * @param definition the qualified name of the modelled event, or {@code null}
 */
public record ClusterMessage(
    String nodeId,
    String event,
    String format,
    Object data,
    Map<String, Object> headers,
    Recipients recipients,
    String serviceName,
    String definition) {

  public ClusterMessage {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(recipients, "recipients");
    headers = headers == null ? Map.of() : headers;
  }
}
