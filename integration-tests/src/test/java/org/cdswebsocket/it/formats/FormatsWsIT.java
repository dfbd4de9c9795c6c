package org.cdswebsocket.it.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdswebsocket.test.WsTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every format, mixins, {@code @ws.path}, enum-symbol values and subprotocols over kind ws with
 * real JDK WebSocket clients (srv/format-services.cds). Kind ws has no acknowledgements: results
 * are observed through the events the operations emit, bad input through the log and a later call
 * that still works on the same socket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class FormatsWsIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  private WsTestClient connect(String path, String user) throws Exception {
    return WsTestClient.connect(port, path, user, user);
  }

  private static JsonNode nextText(WsTestClient client, String startsWith) throws Exception {
    return client.next(f -> f.isTextual() && f.asText().startsWith(startsWith), WAIT);
  }

  private static JsonNode nextWhere(WsTestClient client, String member, String value)
      throws Exception {
    return client.next(f -> value.equals(f.path(member).asText()), WAIT);
  }

  @Test
  void pcpCallsTheOperationWithTypedFieldsAndComposesTheNodeFrame() throws Exception {
    try (WsTestClient alice = connect("/ws/pcp", "alice");
        WsTestClient bob = connect("/ws/pcp", "bob")) {
      alice.sendText(
          "pcp-action:MESSAGE\npcp-body-type:text\nfield1:value1\nfield2:42\nsecret:s\n\nhi there");

      String expected =
          "pcp-action:MESSAGE\npcp-event:notification1\npcp-body-type:text\n"
              + "field1:value1\nfield2:42\n\nthis is the body!";
      assertThat(nextText(bob, "pcp-action").asText()).isEqualTo(expected);
      assertThat(nextText(alice, "pcp-action").asText()).isEqualTo(expected);
    }
  }

  @Test
  void malformedPcpIsLoggedAndTheSocketStaysUsable(CapturedOutput output) throws Exception {
    try (WsTestClient alice = connect("/ws/pcp", "alice")) {
      alice.sendText("no separator here");
      alice.sendText("pcp-action:MESSAGE\nfield2:not-a-number\n\n");
      alice.sendText("pcp-action:MESSAGE\nfield1:after\n\n");

      assertThat(nextText(alice, "pcp-action").asText()).contains("field1:after");
      assertThat(alice.isOpen()).isTrue();
      assertThat(output.getOut())
          .contains("needs an empty line between its fields and its body")
          .contains("pcp field 'field2' must be a");
    }
  }

  @Test
  void pcpEntersContextsThroughTheModelledWsContextOperation() throws Exception {
    try (WsTestClient inside = connect("/ws/pcp", "alice");
        WsTestClient outside = connect("/ws/pcp", "bob")) {
      inside.sendText("pcp-action:wsContext\ncontext:ctx\n\n");
      inside.sendText("pcp-action:triggerContextual\ntext:only-ctx\n\n");
      inside.sendText("pcp-action:MESSAGE\nfield1:marker\n\n");

      assertThat(nextText(inside, "pcp-action:MESSAGE\npcp-event:contextual").asText())
          .contains("text:only-ctx");
      List<String> outsideSaw = new ArrayList<>();
      String frame;
      do {
        frame = outside.nextFrame(WAIT).asText();
        outsideSaw.add(frame);
      } while (!frame.contains("field1:marker"));
      assertThat(outsideSaw).noneMatch(f -> f.contains("contextual"));
    }
  }

  @Test
  void cloudEventMappedByAnnotationsCallsTheOperationAndComposesTheMappedEvent() throws Exception {
    try (WsTestClient alice = connect("/ws/cloudevent", "alice")) {
      alice.sendText(
          JSON.writeValueAsString(
              Map.of(
                  "specversion", "1.0",
                  "type", "com.example.someevent.map",
                  "source", "/client",
                  "subject", "overridden-by-the-static-annotation",
                  "id", "1",
                  "comexampleextension1", "ext",
                  "comexampleothervalue", 7,
                  "data", Map.of("appinfoA", "a", "appinfoB", 1, "appinfoC", true))));

      JsonNode event = nextWhere(alice, "type", "CloudEventService.cloudEvent3");
      assertThat(event.path("specversion").asText()).isEqualTo("1.0");
      assertThat(event.path("source").asText()).isEqualTo("CloudEventService");
      assertThat(event.path("subject").asText()).isEqualTo("cloud");
      assertThat(event.path("comexampleextension1").asText()).isEqualTo("ext");
      assertThat(event.path("comexampleothervalue").asInt()).isEqualTo(7);
      assertThat(event.path("id").asText()).isNotBlank();
      assertThat(event.path("data"))
          .isEqualTo(JSON.valueToTree(Map.of("appinfoA", "a", "appinfoB", 1, "appinfoC", true)));
    }
  }

  @Test
  void cloudEventModelledEventsStaticAttributesAndHeaders() throws Exception {
    try (WsTestClient alice = connect("/ws/cloudevent", "alice")) {
      alice.sendText(
          "{\"specversion\":\"1.0\",\"type\":\"com.example.someevent.model\",\"source\":\"/c\","
              + "\"subject\":\"s1\",\"id\":\"9\",\"comexampleextension1\":\"e1\","
              + "\"comexampleothervalue\":3,\"data\":{\"appinfoA\":\"A\",\"appinfoB\":2,"
              + "\"appinfoC\":false}}");

      JsonNode modelled = nextWhere(alice, "type", "com.example.someevent.model");
      assertThat(modelled.path("subject").asText()).isEqualTo("s1");
      assertThat(modelled.path("comexampleothervalue").asInt()).isEqualTo(3);
      assertThat(modelled.path("data").path("appinfoA").asText()).isEqualTo("A");
      JsonNode statics = nextWhere(alice, "type", "com.example.someevent");
      assertThat(statics.path("id").asText()).isEqualTo("C234-1234-1234");
      assertThat(statics.path("comexampleothervalue").asInt()).isEqualTo(5);
      assertThat(statics.path("data").path("appinfoB").asInt()).isEqualTo(2);
      JsonNode headed = nextWhere(alice, "type", "CloudEventService.cloudEvent1");
      assertThat(headed.path("subject").asText()).isEqualTo("from-header");
    }
  }

  @Test
  void malformedCloudEventIsLoggedAndTheSocketStaysUsable(CapturedOutput output) throws Exception {
    try (WsTestClient alice = connect("/ws/cloudevent", "alice")) {
      alice.sendText("{not json");
      alice.sendText("{\"type\":\"com.example.unknown\"}");
      alice.sendText(
          "{\"type\":\"com.example.someevent.map\",\"data\":{\"appinfoA\":\"still-here\"}}");

      JsonNode event = nextWhere(alice, "type", "CloudEventService.cloudEvent3");
      assertThat(event.path("data").path("appinfoA").asText()).isEqualTo("still-here");
      assertThat(output.getOut())
          .contains("Malformed cloudevent message")
          .contains("No operation for cloudevent type 'com.example.unknown'");
    }
  }

  @Test
  void cloudEventsPluralUsesItsOwnAnnotations() throws Exception {
    try (WsTestClient alice = connect("/ws/cloudevents", "alice")) {
      alice.sendText(
          "{\"type\":\"com.example.plural\",\"subject\":\"sub\",\"data\":{\"text\":\"t\"}}");

      JsonNode event = nextWhere(alice, "type", "com.example.plural.echo");
      assertThat(event.path("subject").asText()).isEqualTo("sub");
      assertThat(event.path("data")).isEqualTo(JSON.valueToTree(Map.of("text", "t")));
    }
  }

  @Test
  void genericMapsNameAndAnnotatedAttributes() throws Exception {
    try (WsTestClient alice = connect("/ws/generic", "alice")) {
      alice.sendText("{\"name\":\"greet\",\"who\":\"bob\"}");

      JsonNode event = nextWhere(alice, "name", "greeting");
      assertThat(event).isEqualTo(JSON.valueToTree(Map.of("name", "greeting", "who", "bob")));
    }
  }

  @Test
  void customFormatsByClassNameSpringBeanAndServiceLoader() throws Exception {
    try (WsTestClient alice = connect("/ws/custom", "alice")) {
      alice.sendText("shout|{\"text\":\"hi\"}");

      assertThat(nextText(alice, "class|").asText()).isEqualTo("class|byClass|{\"text\":\"HI\"}");
      assertThat(nextText(alice, "bean|").asText()).isEqualTo("bean|byBean|{\"text\":\"HI\"}");
      assertThat(nextText(alice, "loader|").asText())
          .isEqualTo("loader|byLoader|{\"text\":\"HI\"}");
    }
  }

  @Test
  void subprotocolClaimedByTheFormatIsSelectedElseTheFirstOfferedIsEchoed() throws Exception {
    try (WsTestClient pcp =
            WsTestClient.builder(port, "/ws/pcp")
                .basic("alice", "alice")
                .subprotocols(List.of("other", "v10.pcp.sap.com"))
                .connect();
        WsTestClient cloud =
            WsTestClient.builder(port, "/ws/cloudevent")
                .basic("alice", "alice")
                .subprotocols(List.of("cloudevents.json"))
                .connect();
        WsTestClient json =
            WsTestClient.builder(port, "/ws/main")
                .basic("alice", "alice")
                .subprotocols(List.of("first", "second"))
                .connect();
        WsTestClient none = connect("/ws/main", "alice")) {
      assertThat(pcp.subprotocol()).isEqualTo("v10.pcp.sap.com");
      assertThat(cloud.subprotocol()).isEqualTo("cloudevents.json");
      assertThat(json.subprotocol()).isEqualTo("first");
      assertThat(none.subprotocol()).isEmpty();

      pcp.sendText("pcp-action:MESSAGE\nfield1:over-subprotocol\n\n");
      assertThat(nextText(pcp, "pcp-action").asText()).contains("field1:over-subprotocol");
    }
  }

  @Test
  void mixinEventsOfAnODataCreateReachTheMixinPathWithItsRequestHeadersApplied() throws Exception {
    try (WsTestClient alice = WsTestClient.connect(port, "/ws/mixin?id=ui-1", "alice", "alice");
        WsTestClient bob = WsTestClient.connect(port, "/ws/mixin?id=ui-2", "bob", "bob")) {
      String first = "memo-" + UUID.randomUUID();
      ODataCalls.post(port, "Memos", "{\"text\":\"" + first + "\"}", Map.of());
      JsonNode created = alice.next("memoCreated", WAIT);
      assertThat(created.path("data").path("text").asText()).isEqualTo(first);
      assertThat(created.path("data").path("ID").asText()).isNotBlank();
      assertThat(alice.next("memoMine", WAIT).path("data").path("text").asText()).isEqualTo(first);

      String second = "memo-" + UUID.randomUUID();
      ODataCalls.post(
          port,
          "Memos",
          "{\"text\":\"" + second + "\"}",
          Map.of("x-ws-identifier-exclude", "ui-1"));
      String third = "memo-" + UUID.randomUUID();
      ODataCalls.post(port, "Memos", "{\"text\":\"" + third + "\"}", Map.of());

      // bob: every creation, never alice's "memoMine" (@ws.user: #includeCurrent)
      List<JsonNode> bobFrames = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        bobFrames.addAll(bob.until("memoCreated", WAIT));
      }
      assertThat(bobFrames)
          .extracting(f -> f.path("event").asText() + ":" + f.path("data").path("text").asText())
          .containsExactly("memoCreated:" + first, "memoCreated:" + second, "memoCreated:" + third);
      // alice: the second creation excluded her identifier (x-ws-identifier-exclude)
      List<JsonNode> aliceFrames = alice.until("memoMine", WAIT);
      assertThat(aliceFrames)
          .extracting(f -> f.path("event").asText() + ":" + f.path("data").path("text").asText())
          .containsExactly("memoCreated:" + third, "memoMine:" + third);
    }
  }

  @Test
  void wsPathReroutesMixinEventsAndBindsTheMixinOperationThere() throws Exception {
    try (WsTestClient pcp = connect("/ws/pcp", "alice");
        WsTestClient mixin = connect("/ws/mixin", "alice")) {
      ODataCalls.post(port, "chat", "{\"text\":\"4711\"}", Map.of());

      assertThat(nextText(pcp, "pcp-action:MESSAGE\npcp-event:notify").asText())
          .isEqualTo("pcp-action:MESSAGE\npcp-event:notify\npcp-body-type:text\ntext:4711\n\n");
      assertThat(pcp.next("notifyOp", WAIT).path("data"))
          .isEqualTo(JSON.valueToTree(Map.of("text", "4711")));

      pcp.sendText("pcp-action:chat\ntext:via-pcp\n\n");
      assertThat(nextText(pcp, "pcp-action:MESSAGE\npcp-event:notify").asText())
          .contains("text:via-pcp");

      mixin.send("chat", Map.of("text", "via-mixin-path"));
      assertThat(nextText(pcp, "pcp-action:MESSAGE\npcp-event:notify").asText())
          .contains("text:via-mixin-path");
    }
  }

  @Test
  void enumSymbolBroadcastContentSendsTheWholeRow() throws Exception {
    try (WsTestClient alice = connect("/ws/symbols", "alice");
        WsTestClient bob = connect("/ws/symbols", "bob")) {
      alice.send("Memos:create", Map.of("text", "symbolic"));

      JsonNode created = bob.next("Memos:created", WAIT);
      assertThat(created.path("data").path("text").asText()).isEqualTo("symbolic");
      assertThat(created.path("data").path("ID").asText()).isNotBlank();
    }
  }
}
