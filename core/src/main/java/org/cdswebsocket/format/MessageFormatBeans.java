package org.cdswebsocket.format;

import com.sap.cds.services.ServiceDelegator;
import java.util.Map;
import java.util.Optional;

/**
 * The application's {@link MessageFormat} Spring beans, handed to core as a CAP service so that
 * they are known when core resolves the model (CAP adds Spring service beans to its catalog before
 * it configures event handlers). Registered by core's Spring auto-configuration; applications never
 * create it.
 *
 * <p>A format bean is found by its bean name or by its {@link MessageFormat#name()}. Format beans
 * must not depend on the CAP runtime (they are created while it starts). Immutable, thread-safe.
 */
public final class MessageFormatBeans extends ServiceDelegator {

  /** The name of this service in CAP's catalog. */
  public static final String NAME = "cds.websocket.MessageFormatBeans";

  private final Map<String, MessageFormat> beans;

  /**
   * @param beans format beans by bean name
   */
  public MessageFormatBeans(Map<String, MessageFormat> beans) {
    super(NAME);
    this.beans = Map.copyOf(beans);
  }

  /** The bean of this bean name, else the bean whose format name this is. */
  public Optional<MessageFormat> find(String name) {
    MessageFormat byBeanName = beans.get(name);
    if (byBeanName != null) {
      return Optional.of(byBeanName);
    }
    return beans.values().stream().filter(f -> name.equals(f.name())).findFirst();
  }
}
