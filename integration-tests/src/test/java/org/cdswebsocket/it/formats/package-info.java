/** End-to-end tests of the message formats, mixins, {@code @ws.path} and subprotocols. */
package org.cdswebsocket.it.formats;
