package org.cdswebsocket.format;

import com.sap.cds.reflect.CdsModel;
import com.sap.cds.reflect.CdsOperation;
import com.sap.cds.reflect.CdsService;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cdswebsocket.spi.WebSocketKind;

/** The CSN test model of the format tests (services P: pcp, C: cloudevent, G: generic). */
final class FormatModel {

  static final CdsModel MODEL = read();

  private FormatModel() {}

  private static CdsModel read() {
    try (InputStream csn = FormatModel.class.getResourceAsStream("/format-model.json")) {
      return CdsModel.read(csn);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CdsService service(String name) {
    return MODEL.getService(name);
  }

  static List<CdsOperation> operations(String service) {
    CdsService s = service(service);
    return Stream.concat(s.actions(), s.functions()).map(CdsOperation.class::cast).toList();
  }

  static ParseRequest parse(String service, Object payload, WebSocketKind kind) {
    return new ParseRequest(
        service(service),
        operations(service),
        payload,
        kind == WebSocketKind.SOCKET_IO ? "x" : null,
        Map.of(),
        kind);
  }

  static ComposeRequest compose(
      String service, String event, Object data, Map<String, Object> headers, WebSocketKind kind) {
    return new ComposeRequest(
        service,
        service(service),
        event,
        MODEL.findEvent(service + "." + event).orElse(null),
        data,
        headers,
        kind);
  }
}
