package org.cdswebsocket.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cdswebsocket.format.FormatModel.compose;
import static org.cdswebsocket.format.FormatModel.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cdswebsocket.spi.WebSocketKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PcpFormatTest {

  private final PcpFormat pcp = new PcpFormat();

  @Test
  void composesTheNodeFrameWithEventBodyAndWithoutIgnoredElements() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("field1", "value1");
    data.put("field2", "value2");
    data.put("field3", "secret");
    data.put("notAnElement", "x");

    Object frame = pcp.compose(compose("P", "notification1", data, Map.of(), WebSocketKind.WS));

    assertThat(frame)
        .isEqualTo(
            "pcp-action:MESSAGE\npcp-event:notification1\npcp-body-type:text\n"
                + "field1:value1\nfield2:value2\n\nthis is the body!");
    assertThat(data).containsKey("field3"); // the emitter's data is not modified
  }

  @Test
  void headersOverrideActionAndBody() {
    Object frame =
        pcp.compose(
            compose(
                "P",
                "notification1",
                Map.of("field1", "v"),
                Map.of("pcpaction", "ABC", "pcp-message", "Header"),
                WebSocketKind.SOCKET_IO));

    assertThat(frame)
        .isEqualTo(
            "pcp-action:ABC\npcp-event:notification1\npcp-body-type:text\nfield1:v\n\nHeader");
  }

  @Test
  void actionAndMessageElementsAreTakenOutOfTheFields() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("action", "REFRESH");
    data.put("text", "4711");

    assertThat(pcp.compose(compose("P", "actionElement", data, Map.of(), WebSocketKind.WS)))
        .isEqualTo("pcp-action:REFRESH\npcp-body-type:text\ntext:4711\n\n");
  }

  @Test
  void sideEffectEventsUseTheServiceChannelAndHaveNoBody() {
    Object frame =
        pcp.compose(
            compose(
                "P",
                "stockChanged",
                Map.of("sideEffectSource", "/Books(201)"),
                Map.of(),
                WebSocketKind.WS));

    assertThat(frame)
        .isEqualTo(
            "pcp-action:MESSAGE\npcp-channel:sideeffects\nsideEffectSource:/Books(201)\n"
                + "sideEffectEventName:stockChanged\nserverAction:RaiseSideEffect\n\n");
  }

  @Test
  void parsesTheNodeExampleIntoTypedParameters() {
    InboundMessage message =
        pcp.parse(
            parse(
                "P",
                "pcp-action:MESSAGE\npcp-body-type:text\nfield1:value1\ncount:42\nprice:4.5\n"
                    + "flag:true\nsecret:s\nunknown:u\n\nthis is the body!",
                WebSocketKind.WS));

    assertThat(message.event()).isEqualTo("sendNotification");
    assertThat(message.data())
        .containsOnly(
            Map.entry("message", "this is the body!"),
            Map.entry("field1", "value1"),
            Map.entry("count", BigInteger.valueOf(42)),
            Map.entry("price", new BigDecimal("4.5")),
            Map.entry("flag", Boolean.TRUE));
  }

  @Test
  void actionNamesTheOperationAndMessageIsTheDefault() {
    assertThat(pcp.parse(parse("P", "pcp-action:chat\ntext:hi\n\n", WebSocketKind.WS)).event())
        .isEqualTo("chat");
    assertThat(pcp.parse(parse("P", "field1:x\n\nbody", WebSocketKind.WS)).event())
        .isEqualTo("sendNotification");
  }

  @ParameterizedTest
  @EnumSource(WebSocketKind.class)
  void roundTripKeepsEscapedCharactersAndTypes(WebSocketKind kind) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("message", "multi\nline: body \\ end");
    data.put("field1", "a:b\\c\nd");
    data.put("count", 7);
    data.put("price", new BigDecimal("1.25"));
    data.put("flag", false);

    String frame = (String) pcp.compose(compose("P", "escaped", data, Map.of(), kind));
    assertThat(frame)
        .startsWith("pcp-action:MESSAGE\npcp-event:custom-event\npcp-channel:ch\n")
        .contains("field1:a\\:b\\\\c\\nd\n");

    InboundMessage back = pcp.parse(parse("P", frame, kind));
    assertThat(back.event()).isEqualTo("sendNotification");
    assertThat(back.data())
        .containsEntry("message", "multi\nline: body \\ end")
        .containsEntry("field1", "a:b\\c\nd")
        .containsEntry("count", BigInteger.valueOf(7))
        .containsEntry("price", new BigDecimal("1.25"))
        .containsEntry("flag", Boolean.FALSE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no separator at all",
        "pcp-action:unknownAction\n\nbody",
        "pcp-action:MESSAGE\ncount:many\n\n",
        "pcp-action:MESSAGE\nflag:yes\n\n"
      })
  void malformedInputIsAFormatExceptionThatSaysWhy(String frame) {
    assertThatThrownBy(() -> pcp.parse(parse("P", frame, WebSocketKind.WS)))
        .isInstanceOf(FormatException.class)
        .hasMessageMatching(".*(empty line|pcp-action 'unknownAction'|count|flag).*");
  }

  @Test
  void socketIoObjectArgumentIsRefused() {
    assertThatThrownBy(() -> pcp.parse(parse("P", Map.of("a", 1), WebSocketKind.SOCKET_IO)))
        .isInstanceOf(FormatException.class);
  }

  @Test
  void claimsThePcpSubprotocol() {
    assertThat(pcp.subprotocols()).containsExactly("v10.pcp.sap.com");
  }
}
