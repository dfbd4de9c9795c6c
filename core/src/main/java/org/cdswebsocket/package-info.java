/**
 * The application-facing entry point of cds-websocket: {@link org.cdswebsocket.WebSocketService}.
 */
package org.cdswebsocket;
