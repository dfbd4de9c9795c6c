/** Configuration from {@code cds.websocket.*} and the composition root that wires core into CAP. */
package org.cdswebsocket.config;
