package org.cdswebsocket.model;

import com.sap.cds.reflect.CdsEvent;

/**
 * A modelled event of a websocket-enabled service that is broadcast to its clients.
 *
 * @param name the event's local name, as sent on the wire
 * @param definition the CDS definition, with its elements and filter annotations
 * @param format the name of the message format of this event
 */
public record EventDefinition(String name, CdsEvent definition, String format) {}
