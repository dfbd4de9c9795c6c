/**
 * Kind {@code ws}: plain RFC 6455 WebSockets in the servlet container, on the application's HTTP
 * port.
 */
package org.cdswebsocket.ws;
