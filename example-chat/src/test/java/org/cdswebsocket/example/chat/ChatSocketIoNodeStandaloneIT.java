package org.cdswebsocket.example.chat;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link ChatSocketIoNodeIT} with Socket.IO on a standalone port. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.websocket.kind=socket.io", "cds.websocket.port=0"})
class ChatSocketIoNodeStandaloneIT extends ChatSocketIoNodeIT {}
