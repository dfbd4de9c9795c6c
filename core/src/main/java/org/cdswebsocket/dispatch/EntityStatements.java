package org.cdswebsocket.dispatch;

import com.sap.cds.Result;
import com.sap.cds.Row;
import com.sap.cds.ql.CQL;
import com.sap.cds.ql.Delete;
import com.sap.cds.ql.Expand;
import com.sap.cds.ql.Insert;
import com.sap.cds.ql.Select;
import com.sap.cds.ql.Selectable;
import com.sap.cds.ql.Update;
import com.sap.cds.reflect.CdsAssociationType;
import com.sap.cds.reflect.CdsEntity;
import com.sap.cds.services.ErrorStatuses;
import com.sap.cds.services.EventContext;
import com.sap.cds.services.ServiceException;
import com.sap.cds.services.cds.ApplicationService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdswebsocket.model.EntityDefinition;
import org.cdswebsocket.model.OperationDefinition;
import org.cdswebsocket.spi.Json;

/**
 * Runs the CQN of one entity call on the service's {@link ApplicationService}, so that CAP's
 * handlers, validation ({@code @mandatory}, {@code @assert.*}, {@code @readonly}) and authorization
 * ({@code @requires}, {@code @restrict}, instance-based too) apply as for OData.
 *
 * <p>Must run inside the caller's request context and change set (see {@link
 * OperationInvoker#run}). CAP errors propagate as {@link ServiceException}; an update or delete
 * that matches no row is a 404 error, so that nothing is broadcast for it. Stateless and
 * thread-safe.
 */
final class EntityStatements {

  /** The event-context key under which CAP Java passes a bound operation's target rows. */
  static final String BOUND_TARGET_KEY = "cqn";

  /**
   * What one call produced.
   *
   * @param ack the acknowledgement value (plain JSON types)
   * @param row the data of the changed row for the broadcast, or {@code null} if nothing changed
   */
  record Outcome(Object ack, Map<String, Object> row) {}

  /** Payload members of {@code :list} that page instead of filtering. */
  static final String TOP = "$top";

  static final String SKIP = "$skip";

  private final EntityDataConverter converter = new EntityDataConverter();
  private final ParameterConverter parameters = new ParameterConverter();
  private final QueryLimits limits;

  EntityStatements(QueryLimits limits) {
    this.limits = limits;
  }

  /** Converts the payload and runs the call. */
  Outcome run(ApplicationService service, EntityCall call, Map<String, Object> data) {
    EntityDefinition entity = call.entity();
    if (call.operation() != null) {
      return new Outcome(Json.plain(bound(service, entity, call.operation(), data)), null);
    }
    if (call.action().modifies() && entity.draftEnabled()) {
      throw new ServiceException(
          ErrorStatuses.METHOD_NOT_ALLOWED,
          "Entity {} is draft-enabled; it can only be changed through the draft flow",
          entity.name());
    }
    return switch (call.action()) {
      case CREATE -> create(service, entity, data);
      case READ -> new Outcome(Json.plain(readOne(service, entity, data, false)), null);
      case READ_DEEP -> new Outcome(Json.plain(readOne(service, entity, data, true)), null);
      case UPDATE -> update(service, entity, data);
      case DELETE -> delete(service, entity, data);
      case LIST -> new Outcome(Json.plain(list(service, entity, data)), null);
    };
  }

  private Outcome create(
      ApplicationService service, EntityDefinition entity, Map<String, Object> data) {
    Map<String, Object> row = converter.row(entity.definition(), data);
    Result result = service.run(Insert.into(entity.qualifiedName()).entry(row));
    return changed(row, result);
  }

  private Row readOne(
      ApplicationService service, EntityDefinition entity, Map<String, Object> data, boolean deep) {
    Select<?> select = Select.from(entity.qualifiedName()).matching(converter.keys(entity, data));
    if (deep) {
      select.columns(deepColumns(entity.definition(), new HashSet<>(), limits));
    }
    return service.run(select).first().orElse(null);
  }

  private List<Row> list(
      ApplicationService service, EntityDefinition entity, Map<String, Object> data) {
    Map<String, Object> members = new LinkedHashMap<>(data);
    Long top = QueryLimits.paging(members.remove(TOP), TOP);
    Long skip = QueryLimits.paging(members.remove(SKIP), SKIP);
    Map<String, Object> filter = converter.filter(entity, members);
    Select<?> select = Select.from(entity.qualifiedName());
    if (!filter.isEmpty()) {
      select.matching(filter);
    }
    long limit = limits.top(entity.definition(), service.getDefinition(), top);
    long offset = skip == null ? 0 : skip;
    if (limit > 0) {
      select.limit(limit, offset);
    } else if (offset > 0) {
      select.limit(Integer.MAX_VALUE, offset);
    }
    return service.run(select).list();
  }

  private Outcome update(
      ApplicationService service, EntityDefinition entity, Map<String, Object> data) {
    Map<String, Object> keys = converter.keys(entity, data);
    Map<String, Object> row = converter.row(entity.definition(), data);
    Result result = service.run(Update.entity(entity.qualifiedName()).data(row).matching(keys));
    if (result.rowCount() == 0) {
      throw notFound(entity, keys);
    }
    return changed(row, result);
  }

  private Outcome delete(
      ApplicationService service, EntityDefinition entity, Map<String, Object> data) {
    Map<String, Object> keys = converter.keys(entity, data);
    Result result = service.run(Delete.from(entity.qualifiedName()).matching(keys));
    if (result.rowCount() == 0) {
      throw notFound(entity, keys);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> plainKeys = (Map<String, Object>) Json.plain(keys);
    // The Node plugin acknowledges what its delete returns: the number of deleted rows.
    return new Outcome(result.rowCount(), plainKeys);
  }

  private Object bound(
      ApplicationService service,
      EntityDefinition entity,
      OperationDefinition operation,
      Map<String, Object> data) {
    Map<String, Object> keys = converter.keys(entity, data);
    Map<String, Object> params = new LinkedHashMap<>(data);
    keys.keySet().stream().filter(k -> !operation.hasParameter(k)).forEach(params::remove);
    Map<String, Object> converted = parameters.convert(operation, params);
    EventContext context = EventContext.create(operation.name(), entity.qualifiedName());
    converted.forEach(context::put);
    // last, so that nothing from the payload can replace the target
    context.put(BOUND_TARGET_KEY, Select.from(entity.qualifiedName()).matching(keys));
    service.emit(context);
    return context.get("result");
  }

  /** The sent data merged with what CAP returned (generated keys, defaults, managed fields). */
  @SuppressWarnings("unchecked")
  private static Outcome changed(Map<String, Object> sent, Result result) {
    Map<String, Object> merged = new LinkedHashMap<>(sent);
    result.first().ifPresent(merged::putAll);
    Map<String, Object> plain = (Map<String, Object>) Json.plain(merged);
    return new Outcome(plain, plain);
  }

  /**
   * All columns plus every composition expanded, recursively; a composition back to an entity
   * already on the path is not expanded again, so recursive models terminate. A to-many composition
   * carries at most its target's {@link QueryLimits#expandMax maximum} rows.
   */
  private static List<Selectable> deepColumns(
      CdsEntity entity, Set<String> path, QueryLimits limits) {
    List<Selectable> columns = new ArrayList<>();
    columns.add(CQL.star());
    path.add(entity.getQualifiedName());
    entity
        .compositions()
        .forEach(
            composition -> {
              CdsEntity target = composition.getType().as(CdsAssociationType.class).getTarget();
              if (!path.contains(target.getQualifiedName())) {
                Expand<?> expand =
                    CQL.to(composition.getName())
                        .expand(deepColumns(target, new HashSet<>(path), limits));
                long max = limits.expandMax(target);
                if (max > 0
                    && !"1"
                        .equals(
                            composition
                                .getType()
                                .as(CdsAssociationType.class)
                                .getCardinality()
                                .getTargetMax())) {
                  expand.limit(max);
                }
                columns.add(expand);
              }
            });
    return columns;
  }

  private static ServiceException notFound(EntityDefinition entity, Map<String, Object> keys) {
    return new ServiceException(
        ErrorStatuses.NOT_FOUND, "{} with key {} does not exist", entity.name(), keys);
  }
}
