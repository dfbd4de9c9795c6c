/**
 * Spring Boot wiring of kind {@code ws}: the server's lifecycle and the upgrade filters, the last
 * of which performs the upgrade.
 */
package org.cdswebsocket.ws.spring;
