/**
 * Cluster delivery: the bus SPI, the message every node receives, and the broadcaster that
 * publishes and filters locally.
 */
package org.cdswebsocket.cluster;
