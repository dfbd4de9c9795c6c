/**
 * Handshake authentication on the Socket.IO port: credentials from the auth payload or headers, CAP
 * mock users, JWT through CAP's own user providers, and one-time tickets for browsers.
 */
package org.cdswebsocket.socketio.auth;
