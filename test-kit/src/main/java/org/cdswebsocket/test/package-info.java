/**
 * Test clients for applications that use cds-websocket: {@link org.cdswebsocket.test.WsTestClient}
 * (kind {@code ws}) and {@link org.cdswebsocket.test.SocketIoTestClient} (kind {@code socket.io}),
 * for {@code @SpringBootTest}s of an app's own socket handlers; every wait is bounded.
 */
package org.cdswebsocket.test;
