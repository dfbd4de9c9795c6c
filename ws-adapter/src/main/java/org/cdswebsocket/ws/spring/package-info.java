/**
 * Spring Boot wiring of kind {@code ws}: endpoint registration in the servlet container and upgrade
 * filters.
 */
package org.cdswebsocket.ws.spring;
