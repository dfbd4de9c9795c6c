package org.cdswebsocket.ws.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Assembling text messages from parts, capped at the limit. */
class TextAssemblerTest {

  private final List<String> messages = new ArrayList<>();
  private int tooBig;
  private final TextAssembler.Sink sink =
      new TextAssembler.Sink() {
        @Override
        public void message(String text) {
          messages.add(text);
        }

        @Override
        public void tooBig() {
          tooBig++;
        }
      };

  @Test
  void singlePartIsPassedOnAsIs() {
    TextAssembler assembler = new TextAssembler(10);
    String text = "{}";

    assembler.part(text, true, sink);

    assertThat(messages).singleElement().isSameAs(text);
  }

  @Test
  void partsAreJoinedUpToTheLimit() {
    TextAssembler assembler = new TextAssembler(10);

    assembler.part("abc", false, sink);
    assembler.part("def", false, sink);
    assembler.part("ghij", true, sink);
    assembler.part("next", true, sink);

    assertThat(messages).containsExactly("abcdefghij", "next");
    assertThat(tooBig).isZero();
  }

  @Test
  void overTheLimitIsReportedOnceAndTheRestOfTheMessageDiscarded() {
    TextAssembler assembler = new TextAssembler(5);

    assembler.part("abc", false, sink);
    assembler.part("def", false, sink);
    assembler.part("ghi", false, sink);
    assembler.part("jkl", true, sink);
    assembler.part("ok", true, sink);
    assembler.part("toolong", true, sink);

    assertThat(tooBig).isEqualTo(2);
    assertThat(messages).containsExactly("ok");
  }
}
