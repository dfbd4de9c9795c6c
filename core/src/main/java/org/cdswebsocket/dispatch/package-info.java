/**
 * Inbound calls: from a parsed client message to a CAP operation or entity event run as the
 * socket's user, and back as a result or error (plus CRUD broadcasts after committed changes).
 */
package org.cdswebsocket.dispatch;
