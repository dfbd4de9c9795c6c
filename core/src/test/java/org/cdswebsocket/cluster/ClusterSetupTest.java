package org.cdswebsocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sap.cds.services.environment.CdsEnvironment;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cdswebsocket.broadcast.Broadcaster;
import org.cdswebsocket.cluster.redisson.RedissonClusterBusFactory;
import org.cdswebsocket.spi.WebSocketSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A cluster configuration either works or stops start-up: the Node adapter names select the
 * Redisson bus, an unknown name or a missing Redisson fails naming what to change, and only an
 * unreachable Redis degrades to local delivery (with a warning).
 */
class ClusterSetupTest {

  /** Only the service bindings are used by the factory; a real environment needs a CAP runtime. */
  static final CdsEnvironment NO_BINDINGS =
      (CdsEnvironment)
          Proxy.newProxyInstance(
              ClusterSetupTest.class.getClassLoader(),
              new Class<?>[] {CdsEnvironment.class},
              (proxy, method, args) ->
                  method.getName().equals("getServiceBindings") ? Stream.empty() : null);

  static final Broadcaster LOCAL = broadcast -> {};

  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(ClusterSetup.class);

  @BeforeEach
  void captureLog() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(log);
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis", "@socket.io/redis-adapter", "@socket.io/redis-streams-adapter"})
  void theNodeAdapterNamesSelectTheRedissonBusAndSaySo(String name) {
    assertThat(ClusterSetup.factory(name, getClass().getClassLoader()))
        .isInstanceOf(RedissonClusterBusFactory.class);
    assertThat(messages()).anyMatch(m -> m.contains(name) && m.contains("Redisson bus"));
  }

  @Test
  void anUnknownAdapterNameStopsStartUpEvenWhenTheAdapterIsInactive() {
    assertThatThrownBy(
            () ->
                ClusterSetup.broadcaster(
                    cluster("@socket.io/postgres-adapter", false, "redis://127.0.0.1:1"),
                    NO_BINDINGS,
                    LOCAL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'@socket.io/postgres-adapter' is unknown")
        .hasMessageContaining("@socket.io/redis-adapter");
  }

  @Test
  void aClassThatIsNoFactoryStopsStartUp() {
    assertThatThrownBy(() -> ClusterSetup.factory("java.lang.String", getClass().getClassLoader()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not a " + ClusterBusFactory.class.getName());
  }

  @Test
  void aFactoryClassNameIsUsed() {
    assertThat(
            ClusterSetup.factory(
                RedissonClusterBusFactory.class.getName(), getClass().getClassLoader()))
        .isInstanceOf(RedissonClusterBusFactory.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis", "@socket.io/redis-adapter", "@socket.io/redis-streams-adapter"})
  void aMissingRedissonStopsStartUpNamingTheArtifact(String name) {
    ClassLoader withoutRedisson =
        new HidingClassLoader(getClass().getClassLoader(), "org.redisson");
    assertThatThrownBy(
            () ->
                ClusterSetup.bus(
                    cluster(name, true, "redis://127.0.0.1:1"), NO_BINDINGS, withoutRedisson))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Add the dependency org.redisson:redisson");
  }

  @Test
  void anUnreachableRedisIsAWarningAndTheNodeDeliversLocally() {
    Optional<ClusterBus> bus =
        ClusterSetup.bus(
            cluster("@socket.io/redis-adapter", true, "redis://127.0.0.1:1"),
            NO_BINDINGS,
            getClass().getClassLoader());
    assertThat(bus).isEmpty();
    assertThat(messages())
        .anyMatch(m -> m.contains("cannot connect; delivering on this node only"));
  }

  @Test
  void noAdapterMeansLocalDelivery() {
    assertThat(ClusterSetup.broadcaster(cluster(null, true, "x"), NO_BINDINGS, LOCAL))
        .isSameAs(LOCAL);
  }

  private List<String> messages() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static WebSocketSettings.Cluster cluster(String impl, boolean active, String address) {
    return new WebSocketSettings.Cluster(impl, active, false, "websocket", address, null, 0, 300);
  }

  /** Hides a package, as a class path without that library would. */
  static final class HidingClassLoader extends ClassLoader {
    private final String hidden;

    HidingClassLoader(ClassLoader parent, String hidden) {
      super(parent);
      this.hidden = hidden;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(hidden + ".")) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }
  }
}
