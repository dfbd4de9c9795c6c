package org.cdswebsocket.it;

/** {@link SocketIoAuthHardeningIT} on a standalone Socket.IO port. */
@SocketIoStandaloneKindTest
class SocketIoAuthHardeningStandaloneIT extends SocketIoAuthHardeningIT {}
