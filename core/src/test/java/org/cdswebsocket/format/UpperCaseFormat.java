package org.cdswebsocket.format;

import java.util.Locale;
import java.util.Map;

/** A custom test format, registered for ServiceLoader under the name {@code upper}. */
public final class UpperCaseFormat implements MessageFormat {

  @Override
  public String name() {
    return "upper";
  }

  @Override
  public InboundMessage parse(ParseRequest request) {
    return new InboundMessage(
        String.valueOf(request.payload()).toLowerCase(Locale.ROOT), Map.of(), Map.of());
  }

  @Override
  public Object compose(ComposeRequest request) {
    return request.event().toUpperCase(Locale.ROOT);
  }
}
