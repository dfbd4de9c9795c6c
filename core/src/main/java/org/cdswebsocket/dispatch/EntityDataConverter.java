package org.cdswebsocket.dispatch;

import com.sap.cds.reflect.CdsAssociationType;
import com.sap.cds.reflect.CdsElement;
import com.sap.cds.reflect.CdsStructuredType;
import com.sap.cds.reflect.CdsType;
import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.ServiceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdswebsocket.model.EntityDefinition;

/**
 * Converts the payload of an entity event into CAP data, strictly by the entity's element types
 * (see {@link ValueConverter}): simple elements are converted, structured elements and associated
 * or composed rows (objects or arrays of objects) recursively by their target type. An element the
 * entity does not have is refused, as OData does.
 *
 * <p>Errors are {@link ServiceException}s with status 400 that name the property. Stateless and
 * thread-safe.
 */
final class EntityDataConverter {

  /** Converts a row for create or update, deep. */
  Map<String, Object> row(CdsStructuredType type, Map<String, Object> data) {
    Map<String, Object> converted = new LinkedHashMap<>();
    data.forEach((name, value) -> converted.put(name, element(type, name, value)));
    return converted;
  }

  /**
   * The key values of one row, converted. Draft-enabled entities address their active row when the
   * payload names none.
   *
   * @throws ServiceException 400 when a key is missing
   */
  Map<String, Object> keys(EntityDefinition entity, Map<String, Object> data) {
    Map<String, Object> keys = new LinkedHashMap<>();
    for (String key : entity.keys()) {
      Object value = data.get(key);
      if (value == null && entity.draftEnabled() && EntityDefinition.IS_ACTIVE_ENTITY.equals(key)) {
        value = Boolean.TRUE;
      }
      if (value == null) {
        throw new ServiceException(
            ErrorStatuses.BAD_REQUEST, "Key \"{}\" of {} is missing", key, entity.name());
      }
      keys.put(key, element(entity.definition(), key, value));
    }
    return keys;
  }

  /**
   * An equality filter for {@code :list}: each member must be a simple element of the entity.
   *
   * @throws ServiceException 400 for unknown, structured or association members
   */
  Map<String, Object> filter(EntityDefinition entity, Map<String, Object> data) {
    Map<String, Object> filter = new LinkedHashMap<>();
    data.forEach(
        (name, value) -> {
          CdsElement element = elementOf(entity.definition(), name);
          if (!element.getType().isSimple()) {
            throw new ServiceException(
                ErrorStatuses.BAD_REQUEST, "Property \"{}\" cannot be used as a filter", name);
          }
          filter.put(name, ValueConverter.convert(element.getType(), value, what(name)));
        });
    if (entity.draftEnabled()) {
      filter.putIfAbsent(EntityDefinition.IS_ACTIVE_ENTITY, Boolean.TRUE);
    }
    return filter;
  }

  private Object element(CdsStructuredType type, String name, Object value) {
    CdsType elementType = elementOf(type, name).getType();
    if (value == null) {
      return null;
    }
    if (elementType.isAssociation()) {
      CdsStructuredType target = elementType.as(CdsAssociationType.class).getTarget();
      return nested(target, name, value, true);
    }
    if (elementType.isStructured()) {
      return nested(elementType.as(CdsStructuredType.class), name, value, false);
    }
    return ValueConverter.convert(elementType, value, what(name));
  }

  private Object nested(CdsStructuredType target, String name, Object value, boolean arrayAllowed) {
    if (value instanceof Map<?, ?> map) {
      return row(target, stringKeys(map, name));
    }
    if (arrayAllowed && value instanceof Collection<?> many) {
      List<Object> rows = new ArrayList<>(many.size());
      for (Object item : many) {
        if (!(item instanceof Map<?, ?> map)) {
          throw ValueConverter.invalid(what(name), "an array of objects");
        }
        rows.add(row(target, stringKeys(map, name)));
      }
      return rows;
    }
    throw ValueConverter.invalid(what(name), arrayAllowed ? "an object or array" : "an object");
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map, String name) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put(String.valueOf(k), v));
    return result;
  }

  private static CdsElement elementOf(CdsStructuredType type, String name) {
    return type.findElement(name)
        .orElseThrow(
            () ->
                new ServiceException(
                    ErrorStatuses.BAD_REQUEST,
                    "Property \"{}\" does not exist in {}",
                    name,
                    type.getQualifiedName()));
  }

  private static String what(String name) {
    return "Property \"" + name + "\"";
  }
}
