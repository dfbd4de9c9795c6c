/**
 * Test helpers of the integration tests: a Redis server process and an acknowledgement recorder.
 */
package org.cdswebsocket.it.client;
