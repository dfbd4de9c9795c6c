package org.cdswebsocket.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.cdswebsocket.spi.WebSocketKind;
import org.junit.jupiter.api.Test;

class MessageFormatsTest {

  @Test
  void builtInsAreKnownByName() {
    MessageFormats formats = new MessageFormats();

    assertThat(formats.resolve("json")).isInstanceOf(JsonFormat.class);
    assertThat(formats.resolve("pcp")).isInstanceOf(PcpFormat.class);
    assertThat(formats.resolve("cloudevent").name()).isEqualTo("cloudevent");
    assertThat(formats.resolve("cloudevents").name()).isEqualTo("cloudevents");
    assertThat(formats.resolve("generic")).isInstanceOf(GenericFormat.class);
  }

  @Test
  void customFormatsResolveByServiceLoaderNameAndByClassName() {
    MessageFormats formats = new MessageFormats();

    assertThat(formats.resolve("upper")).isInstanceOf(UpperCaseFormat.class);
    assertThat(formats.resolve(UpperCaseFormat.class.getName()))
        .isInstanceOf(UpperCaseFormat.class);
    assertThat(
            formats
                .get(UpperCaseFormat.class.getName())
                .compose(ComposeRequest.of("e", null, Map.of(), WebSocketKind.WS)))
        .isEqualTo("E");
  }

  @Test
  void applicationFormatsWinOverServiceLoaderAndClasses() {
    MessageFormat bean = new UpperCaseFormat();
    MessageFormats formats =
        new MessageFormats(
            name -> name.equals("myBean") ? Optional.of(bean) : Optional.empty(),
            getClass().getClassLoader());

    assertThat(formats.resolve("myBean")).isSameAs(bean);
    assertThat(new MessageFormatBeans(Map.of("myBean", bean)).find("upper")).contains(bean);
  }

  @Test
  void unresolvableNameFailsNamingIt() {
    MessageFormats formats = new MessageFormats();

    assertThatThrownBy(() -> formats.resolve("./format/xyz.js"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'./format/xyz.js'");
    assertThatThrownBy(() -> formats.resolve(String.class.getName()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not implement");
    assertThatThrownBy(() -> formats.get("never-resolved"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
