package org.cdswebsocket.it;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Runs the test app with kind {@code socket.io} on a standalone port ({@code cds.websocket.port=0}:
 * a free one, read it with {@link org.cdswebsocket.test.SocketIoTestClient#port}). The scenario
 * suites run here as a second Socket.IO mode beside {@link SocketIoKindTest}; every class carries
 * exactly this configuration, so Spring starts the app once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.websocket.kind=socket.io", "cds.websocket.port=0"})
public @interface SocketIoStandaloneKindTest {}
