/** Two-node cluster tests over a real Redis, one scenario run for every kind. */
package org.cdswebsocket.it.cluster;
