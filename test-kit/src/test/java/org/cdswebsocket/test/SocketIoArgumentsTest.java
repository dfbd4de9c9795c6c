package org.cdswebsocket.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class SocketIoArgumentsTest {

  @Test
  void mapsAndListsGoOutAsJsonObjectsAndArrays() {
    Object[] wire =
        SocketIoArguments.toWire(
            Map.of("text", "hi", "n", 1), List.of(1, "two"), "plain", new byte[] {1}, null);

    assertThat(wire[0]).isInstanceOf(JSONObject.class);
    assertThat(((JSONObject) wire[0]).getString("text")).isEqualTo("hi");
    assertThat(((JSONObject) wire[0]).getInt("n")).isEqualTo(1);
    assertThat(wire[1]).isInstanceOf(JSONArray.class);
    assertThat(((JSONArray) wire[1]).getString(1)).isEqualTo("two");
    assertThat(wire[2]).isEqualTo("plain");
    assertThat(wire[3]).isEqualTo(new byte[] {1});
    assertThat(wire[4]).isEqualTo(JSONObject.NULL);
  }

  @Test
  void jacksonNodesGoOutAsTheirJson() throws Exception {
    JsonNode row = new ObjectMapper().readTree("{\"ID\":\"k\",\"items\":[{\"n\":1}]}");

    Object wire = SocketIoArguments.toWire(row);

    assertThat(wire).isInstanceOf(JSONObject.class);
    assertThat(((JSONObject) wire).getJSONArray("items").getJSONObject(0).getInt("n")).isEqualTo(1);
  }

  @Test
  void receivedValuesComeBackAsJson() {
    List<JsonNode> args =
        SocketIoArguments.fromWire(
            new Object[] {
              new JSONObject(Map.of("error", Map.of("code", 400))),
              new JSONArray(List.of(1, 2)),
              "text",
              7,
              JSONObject.NULL
            });

    assertThat(args.get(0).path("error").path("code").asInt()).isEqualTo(400);
    assertThat(args.get(1).size()).isEqualTo(2);
    assertThat(args.get(2).asText()).isEqualTo("text");
    assertThat(args.get(3).asInt()).isEqualTo(7);
    assertThat(args.get(4).isNull()).isTrue();
  }

  @Test
  void noArgumentIsMissingNotNull() {
    assertThat(SocketIoArguments.first(new Object[0]).isMissingNode()).isTrue();
  }

  @Test
  void connectErrorMessageIsTheMessageField() {
    assertThat(SocketIoArguments.message(new Object[] {new JSONObject(Map.of("message", "401"))}))
        .isEqualTo("401");
    assertThat(SocketIoArguments.message(new Object[] {"io server disconnect"}))
        .isEqualTo("io server disconnect");
  }
}
