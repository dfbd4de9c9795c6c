/**
 * The contract between core and transport adapters, and the only core package adapters import:
 * sessions the adapters own, the handler and context core hands them, settings and error shapes.
 */
package org.cdswebsocket.spi;
