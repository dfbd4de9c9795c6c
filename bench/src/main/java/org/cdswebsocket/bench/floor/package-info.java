/** A measuring tool: the servlet container's own cost of a WebSocket connect, without the app. */
package org.cdswebsocket.bench.floor;
