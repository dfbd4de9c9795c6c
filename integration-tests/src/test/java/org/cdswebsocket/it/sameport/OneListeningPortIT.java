package org.cdswebsocket.it.sameport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sap.cds.services.runtime.CdsRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cdswebsocket.it.TestApplication;
import org.cdswebsocket.socketio.SocketIoServerHandle;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With kind socket.io in same-port mode the application listens on exactly one TCP port, its HTTP
 * port: the listening sockets of this JVM are read from Linux's {@code /proc} (socket inodes of the
 * process's file descriptors, matched against the TCP tables in state LISTEN) before and after the
 * test app starts; other test contexts cached in this JVM keep their own ports, so only the ports
 * the start added count.
 */
class OneListeningPortIT {

  private static final String LISTEN = "0A";

  @Test
  void theAppListensOnItsHttpPortOnly() throws Exception {
    Set<Integer> before = listeningPorts();
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(TestApplication.class)
            .run(
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--cds.websocket.kind=socket.io")) {
      int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
      SocketIoServerHandle handle =
          app.getBean(CdsRuntime.class)
              .getServiceCatalog()
              .getService(SocketIoServerHandle.class, SocketIoServerHandle.DEFAULT_NAME);
      assertThat(handle.isRunning()).isTrue();
      assertThat(handle.port()).as("no own Socket.IO port").isEqualTo(-1);

      Set<Integer> added = listeningPorts();
      added.removeAll(before);
      assertThat(added).containsExactly(port);
    }
  }

  private static Set<Integer> listeningPorts() throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.add(target.substring(8, target.length() - 1));
              }
            } catch (IOException gone) {
              // closed meanwhile
            }
          });
    }
    Set<Integer> ports = new TreeSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
        String[] f = line.trim().split("\\s+");
        if (LISTEN.equals(f[3]) && inodes.contains(f[9])) {
          ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
        }
      }
    }
    return ports;
  }
}
