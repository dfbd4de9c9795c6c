/** Metrics and health of a running test app, read through Actuator's HTTP endpoints. */
package org.cdswebsocket.it.observability;
