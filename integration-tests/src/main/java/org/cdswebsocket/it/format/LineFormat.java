package org.cdswebsocket.it.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.cdswebsocket.format.ComposeRequest;
import org.cdswebsocket.format.FormatException;
import org.cdswebsocket.format.InboundMessage;
import org.cdswebsocket.format.MessageFormat;
import org.cdswebsocket.format.ParseRequest;
import org.cdswebsocket.spi.Json;

/**
 * A custom test format: {@code <tag>|<event>|<json data>} outbound and {@code <event>|<json data>}
 * inbound. The tag tells which instance composed a message (class name, bean, loader).
 */
public class LineFormat implements MessageFormat {

  private final String tag;

  /** The instance created from the class name. */
  public LineFormat() {
    this("class");
  }

  /**
   * @param tag written first in every outbound line
   */
  public LineFormat(String tag) {
    this.tag = tag;
  }

  @Override
  public String name() {
    return "line";
  }

  @Override
  public InboundMessage parse(ParseRequest request) {
    if (!(request.payload() instanceof String text) || text.indexOf('|') <= 0) {
      throw new FormatException("A line message is '<event>|<json data>'");
    }
    int bar = text.indexOf('|');
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> data = Json.mapper().readValue(text.substring(bar + 1), Map.class);
      return new InboundMessage(text.substring(0, bar), data, request.headers());
    } catch (JsonProcessingException e) {
      throw new FormatException("The data of a line message must be a JSON object", e);
    }
  }

  @Override
  public Object compose(ComposeRequest request) {
    return tag + "|" + request.event() + "|" + Json.write(Json.plain(request.data()));
  }
}
