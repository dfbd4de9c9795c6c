/**
 * The websocket view of the CDS model: which services are served where, with which events and
 * operations.
 */
package org.cdswebsocket.model;
