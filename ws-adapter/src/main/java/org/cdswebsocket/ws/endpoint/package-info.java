/** The kind ws server: RFC 6455 framing on the servlet container's upgraded connections. */
package org.cdswebsocket.ws.endpoint;
