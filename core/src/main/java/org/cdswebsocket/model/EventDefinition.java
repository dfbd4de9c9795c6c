package org.cdswebsocket.model;

import com.sap.cds.reflect.CdsEvent;

/**
 * A modelled event that is broadcast to the clients of an endpoint: an event of the
 * websocket-enabled service itself, a mixin event of another service ({@code @ws} on the event), or
 * an event re-routed here with {@code @ws.path}.
 *
 * @param name the event's local name, as sent on the wire
 * @param definition the CDS definition, with its elements and filter annotations
 * @param format the name of the message format of this event
 * @param serviceName the qualified name of the service that emits it
 */
public record EventDefinition(String name, CdsEvent definition, String format, String serviceName) {

  /** An event of the service its qualified name starts with. */
  public EventDefinition(String name, CdsEvent definition, String format) {
    this(name, definition, format, owner(definition.getQualifiedName(), name));
  }

  private static String owner(String qualifiedName, String name) {
    return qualifiedName.endsWith("." + name)
        ? qualifiedName.substring(0, qualifiedName.length() - name.length() - 1)
        : null;
  }
}
