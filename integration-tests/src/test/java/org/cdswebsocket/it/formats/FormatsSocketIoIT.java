package org.cdswebsocket.it.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sap.cds.services.runtime.CdsRuntime;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.cdswebsocket.it.SocketIoKindTest;
import org.cdswebsocket.test.SocketIoTestClient;
import org.cdswebsocket.test.SocketIoTestClient.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every format, mixins, {@code @ws.path} and enum-symbol values over kind socket.io with real Java
 * Socket.IO clients: text formats travel as a string argument, cloud events and json as objects,
 * results and format errors come back as acknowledgements.
 */
@SocketIoKindTest
class FormatsSocketIoIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CdsRuntime runtime;
  @LocalServerPort int httpPort;

  private SocketIoTestClient join(String namespace, String user) throws Exception {
    return SocketIoTestClient.connect(SocketIoTestClient.port(runtime), namespace, user, null);
  }

  @Test
  void pcpTravelsAsAStringArgumentAndAcknowledgesTheResult() throws Exception {
    try (SocketIoTestClient alice = join("/ws/pcp", "alice")) {
      JsonNode ack =
          alice.emitWithAck("message", "pcp-action:MESSAGE\nfield1:v1\nfield2:7\n\nbody");

      assertThat(ack.asBoolean()).isTrue();
      Event event = alice.next("notification1", WAIT);
      assertThat(event.data().asText())
          .isEqualTo(
              "pcp-action:MESSAGE\npcp-event:notification1\npcp-body-type:text\nfield1:v1\n"
                  + "field2:7\n\nthis is the body!");
    }
  }

  @Test
  void malformedPcpGetsAnErrorAcknowledgementAndTheSocketStaysUsable() throws Exception {
    try (SocketIoTestClient alice = join("/ws/pcp", "alice")) {
      JsonNode noSeparator = alice.emitWithAck("message", "garbage");
      JsonNode badNumber = alice.emitWithAck("message", "field2:seven\n\n");
      JsonNode object = alice.emitWithAck("message", Map.of("field1", "x"));

      assertThat(noSeparator.path("error").path("code").asInt()).isEqualTo(400);
      assertThat(noSeparator.path("error").path("message").asText())
          .contains("needs an empty line");
      assertThat(badNumber.path("error").path("message").asText()).contains("field2");
      assertThat(object.path("error").path("code").asInt()).isEqualTo(400);
      assertThat(alice.emitWithAck("message", "field1:ok\n\n").asBoolean()).isTrue();
      assertThat(alice.isConnected()).isTrue();
    }
  }

  @Test
  void cloudEventTravelsAsAnObjectBothWays() throws Exception {
    try (SocketIoTestClient alice = join("/ws/cloudevent", "alice")) {
      JsonNode ack =
          alice.emitWithAck(
              "cloudevent",
              Map.of(
                  "specversion", "1.0",
                  "type", "com.example.someevent.map",
                  "comexampleextension1", "ext",
                  "data",
                      Map.of("appinfoA", "a", "appinfoB", 2, "appinfoC", true, "appinfoD", "d")));

      assertThat(ack.asBoolean()).as("appinfoD is @ws.ignore").isTrue();
      JsonNode event = alice.next("cloudEvent3", WAIT).data();
      assertThat(event.isObject()).isTrue();
      assertThat(event.path("type").asText()).isEqualTo("CloudEventService.cloudEvent3");
      assertThat(event.path("subject").asText()).isEqualTo("cloud");
      assertThat(event.path("comexampleextension1").asText()).isEqualTo("ext");
      assertThat(event.path("data"))
          .isEqualTo(JSON.valueToTree(Map.of("appinfoA", "a", "appinfoB", 2, "appinfoC", true)));
    }
  }

  @Test
  void malformedCloudEventGetsAnErrorAcknowledgement() throws Exception {
    try (SocketIoTestClient alice = join("/ws/cloudevent", "alice")) {
      JsonNode unknown = alice.emitWithAck("cloudevent", Map.of("type", "com.example.unknown"));
      JsonNode notJson = alice.emitWithAck("cloudevent", "{broken");

      assertThat(unknown.path("error").path("code").asInt()).isEqualTo(400);
      assertThat(unknown.path("error").path("message").asText())
          .contains("No operation for cloudevent type 'com.example.unknown'");
      assertThat(notJson.path("error").path("message").asText()).contains("Malformed cloudevent");
      assertThat(
              alice
                  .emitWithAck("cloudevent", Map.of("type", "com.example.someevent.map"))
                  .asBoolean())
          .isTrue();
    }
  }

  @Test
  void cloudEventsPluralAndGeneric() throws Exception {
    try (SocketIoTestClient plural = join("/ws/cloudevents", "alice");
        SocketIoTestClient generic = join("/ws/generic", "alice")) {
      assertThat(
              plural
                  .emitWithAck(
                      "x",
                      Map.of(
                          "type",
                          "com.example.plural",
                          "subject",
                          "s",
                          "data",
                          Map.of("text", "t")))
                  .asText())
          .isEqualTo("t");
      JsonNode echo = plural.next("pluralEcho", WAIT).data();
      assertThat(echo.path("type").asText()).isEqualTo("com.example.plural.echo");
      assertThat(echo.path("subject").asText()).isEqualTo("s");

      assertThat(generic.emitWithAck("x", Map.of("name", "greet", "who", "bob")).asText())
          .isEqualTo("hello bob");
      assertThat(generic.next("greeted", WAIT).data())
          .isEqualTo(JSON.valueToTree(Map.of("name", "greeting", "who", "bob")));
    }
  }

  @Test
  void customFormatsByClassNameSpringBeanAndServiceLoader() throws Exception {
    try (SocketIoTestClient alice = join("/ws/custom", "alice")) {
      assertThat(alice.emitWithAck("x", "shout|{\"text\":\"hey\"}").asText()).isEqualTo("HEY");

      assertThat(alice.next("byClass", WAIT).data().asText())
          .isEqualTo("class|byClass|{\"text\":\"HEY\"}");
      assertThat(alice.next("byBean", WAIT).data().asText())
          .isEqualTo("bean|byBean|{\"text\":\"HEY\"}");
      assertThat(alice.next("byLoader", WAIT).data().asText())
          .isEqualTo("loader|byLoader|{\"text\":\"HEY\"}");
    }
  }

  @Test
  void mixinOperationsAnswerAndODataCreatesReachTheMixinNamespace() throws Exception {
    try (SocketIoTestClient alice = join("/ws/mixin", "alice")) {
      assertThat(alice.emitWithAck("mixinEcho", Map.of("text", "e")).asText()).isEqualTo("e");
      assertThat(alice.emitWithAck("Memos:list", Map.of()).path("error").path("code").asInt())
          .as("entities of mixin services are not exposed")
          .isEqualTo(404);

      String text = "memo-" + UUID.randomUUID();
      ODataCalls.post(httpPort, "Memos", "{\"text\":\"" + text + "\"}", Map.of());
      assertThat(alice.next("memoCreated", WAIT).data().path("text").asText()).isEqualTo(text);
      assertThat(alice.next("memoMine", WAIT).data().path("text").asText()).isEqualTo(text);
    }
  }

  @Test
  void wsPathCarriesTwoFormatsAndTheMixinOperation() throws Exception {
    try (SocketIoTestClient pcp = join("/ws/pcp", "alice")) {
      assertThat(pcp.emitWithAck("chat", "pcp-action:chat\ntext:t1\n\n").asText()).isEqualTo("t1");

      assertThat(pcp.next("notify", WAIT).data().asText())
          .isEqualTo("pcp-action:MESSAGE\npcp-event:notify\npcp-body-type:text\ntext:t1\n\n");
      assertThat(pcp.next("notifyOp", WAIT).data())
          .isEqualTo(JSON.valueToTree(Map.of("text", "t1")));
    }
  }

  @Test
  void enumSymbolBroadcastContentAndDeleteAcknowledgesTheRowCount() throws Exception {
    try (SocketIoTestClient alice = join("/ws/symbols", "alice");
        SocketIoTestClient bob = join("/ws/symbols", "bob")) {
      JsonNode row = alice.emitWithAck("Memos:create", Map.of("text", "symbolic"));

      JsonNode created = bob.next("Memos:created", WAIT).data();
      assertThat(created.path("text").asText()).isEqualTo("symbolic");
      assertThat(alice.emitWithAck("Memos:delete", Map.of("ID", row.path("ID").asText())).asInt())
          .isEqualTo(1);
    }
  }
}
