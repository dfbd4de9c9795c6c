/**
 * The Redis cluster bus on Redisson pub/sub; loaded only when Redisson is on the class path and
 * selected.
 */
package org.cdswebsocket.cluster.redisson;
