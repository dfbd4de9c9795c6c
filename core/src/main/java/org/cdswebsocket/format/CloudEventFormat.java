package org.cdswebsocket.format;

import com.sap.cds.reflect.CdsEvent;
import com.sap.cds.reflect.CdsOperation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The formats {@code cloudevent} and {@code cloudevents} (an alias whose annotations and header
 * section are named {@code cloudevents}): CloudEvents 1.0 in JSON, following the Node plugin.
 *
 * <p>Outbound, the message starts as {@code {specversion: "1.0", type: "<Service>.<event>", source:
 * "<Service>", subject: null, id: <random UUID>, time: <now>, datacontenttype:
 * "application/json", data: <data>}}. An event modelled as a cloud event (it has an element {@code
 * data} and the emitted data has it) is sent as emitted instead. Then the attributes of {@link
 * GenericFormat} are laid over it: emit headers, the {@code cloudevent} header sub-object, static
 * {@code @ws.cloudevent.<attribute>} values and elements annotated {@code
 * @ws.cloudevent.<attribute>} (moved out of {@code data}). Kind ws sends JSON text, socket.io an
 * object.
 *
 * <p>Inbound, the operation is named by {@code type} (matched against {@code
 * @ws.cloudevent.name}, else the operation name). When {@code data} is an object and the operation
 * has no parameter {@code data}, its members are lifted to the top level, so parameters may be
 * attributes or data members. Clients may offer the subprotocol {@code cloudevents.json}.
 *
 * <p>Stateless and thread-safe.
 */
public final class CloudEventFormat extends GenericFormat {

  /** The format name. */
  public static final String NAME = "cloudevent";

  /** The plural alias. */
  public static final String PLURAL = "cloudevents";

  /** The subprotocol of the CloudEvents WebSocket binding (JSON). */
  public static final String SUBPROTOCOL = "cloudevents.json";

  private static final String DATA = "data";

  /** The format {@code cloudevent}. */
  public CloudEventFormat() {
    this(NAME);
  }

  /**
   * @param name {@link #NAME} or {@link #PLURAL}
   */
  public CloudEventFormat(String name) {
    super(name, "type");
  }

  @Override
  public List<String> subprotocols() {
    return List.of(SUBPROTOCOL);
  }

  @Override
  protected Map<String, Object> prepareInbound(
      CdsOperation operation, Map<String, Object> message) {
    boolean modelsData = operation.parameters().anyMatch(p -> p.getName().equals(DATA));
    if (!modelsData && message.get(DATA) instanceof Map<?, ?> data) {
      Map<String, Object> flat = new LinkedHashMap<>(message);
      flat.remove(DATA);
      data.forEach((k, v) -> flat.put(String.valueOf(k), v));
      return flat;
    }
    return message;
  }

  @Override
  public Object compose(ComposeRequest request) {
    Map<String, Object> data = copyOf(request.data());
    Map<String, Object> message;
    if (modelledAsCloudEvent(request.definition()) && data.containsKey(DATA)) {
      message = data;
    } else {
      String service = request.serviceName() == null ? "" : request.serviceName();
      message = new LinkedHashMap<>();
      message.put("specversion", "1.0");
      message.put("type", service.isEmpty() ? request.event() : service + "." + request.event());
      message.put("source", service);
      message.put("subject", null);
      message.put("id", UUID.randomUUID().toString());
      message.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
      message.put("datacontenttype", "application/json");
      message.put(DATA, request.data() instanceof Map ? data : request.data());
    }
    message.putAll(attributes(request, data));
    return serialize(message, request.kind());
  }

  private static boolean modelledAsCloudEvent(CdsEvent definition) {
    return definition != null && definition.findElement(DATA).isPresent();
  }
}
