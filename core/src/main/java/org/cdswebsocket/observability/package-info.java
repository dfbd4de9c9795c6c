/**
 * Spring Boot integration for operations, active only when its libraries are present: Micrometer
 * metrics and the Actuator health of the cluster bus.
 */
package org.cdswebsocket.observability;
