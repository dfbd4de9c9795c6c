/**
 * Outbound delivery: the session registry, payload composition once per broadcast, and the CAP
 * event listener.
 */
package org.cdswebsocket.broadcast;
