/**
 * Optional Spring Boot integration of the socket.io adapter: the {@code GET /ws-ticket} endpoint
 * that gives browser pages a one-time connection ticket. Loaded only in servlet applications with
 * Spring MVC and kind {@code socket.io}.
 */
package org.cdswebsocket.socketio.spring;
