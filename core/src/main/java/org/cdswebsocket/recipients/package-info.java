/**
 * Client determination: the immutable {@link org.cdswebsocket.recipients.Recipients} value and its
 * matcher, and {@link org.cdswebsocket.recipients.RecipientsResolver}, which derives it from filter
 * annotations, event data, emit headers and the emitter.
 */
package org.cdswebsocket.recipients;
