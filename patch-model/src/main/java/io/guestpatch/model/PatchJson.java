package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The JSON mapping of every GuestPatch model type.
 *
 * <pre>{@code
 * ObjectMapper json = PatchJson.newObjectMapper();
 * VirtualMachineAssessPatchesResult result =
 *     json.readValue(body, VirtualMachineAssessPatchesResult.class);
 * }</pre>
 *
 * <p>The mapper reads Azure's current and 2020-06-01 names, ignores members it does not model, omits
 * absent members and empty lists when writing, writes date-times and durations as the ISO-8601 text
 * they were read from, and keeps an explicit {@code "error": null} (see {@link ErrorCarrier}).
 */
public final class PatchJson {
  private PatchJson() {}

  /** A new, fully configured mapper; the caller owns it (mappers are thread-safe once configured). */
  public static ObjectMapper newObjectMapper() {
    ObjectMapper mapper =
        JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(errorNullModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
            .build();
    JsonInclude.Value nonEmpty =
        JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_ABSENT);
    mapper.configOverride(List.class).setInclude(nonEmpty);
    mapper.configOverride(Collection.class).setInclude(nonEmpty);
    mapper.configOverride(Map.class).setInclude(nonEmpty);
    mapper.configOverride(OptionalInt.class).setInclude(nonEmpty);
    return mapper;
  }

  private static SimpleModule errorNullModule() {
    SimpleModule module = new SimpleModule("guestpatch-error-null");
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config, BeanDescription desc, JsonDeserializer<?> deserializer) {
            // Immutables' nested Json delegate also implements ErrorCarrier: wrap the value type only.
            Class<?> type = desc.getBeanClass();
            return ErrorCarrier.class.isAssignableFrom(type) && !type.isMemberClass()
                ? new ErrorNullDeserializer(deserializer)
                : deserializer;
          }
        });
    module.setSerializerModifier(
        new BeanSerializerModifier() {
          @Override
          public List<BeanPropertyWriter> changeProperties(
              SerializationConfig config, BeanDescription desc, List<BeanPropertyWriter> writers) {
            if (!ErrorCarrier.class.isAssignableFrom(desc.getBeanClass())) {
              return writers;
            }
            writers.replaceAll(w -> "error".equals(w.getName()) ? new ErrorNullWriter(w) : w);
            return writers;
          }
        });
    return module;
  }

  /** Reads the object as a tree first, to see an explicit {@code "error": null}. */
  private static final class ErrorNullDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    ErrorNullDeserializer(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new ErrorNullDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode tree = ctxt.readTree(p);
      boolean explicitNull = tree.isObject() && tree.has("error") && tree.get("error").isNull();
      try (JsonParser sub = tree.traverse(p.getCodec())) {
        sub.nextToken();
        Object value = _delegatee.deserialize(sub, ctxt);
        return explicitNull && value instanceof ErrorCarrier
            ? ((ErrorCarrier) value).withErrorExplicitlyNull()
            : value;
      }
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      return null;
    }

    @Override
    public boolean isCachable() {
      return true;
    }
  }

  /** Writes {@code "error": null} when the value read had it. */
  private static final class ErrorNullWriter extends BeanPropertyWriter {
    private static final long serialVersionUID = 1L;

    ErrorNullWriter(BeanPropertyWriter base) {
      super(base);
    }

    @Override
    public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov)
        throws Exception {
      if (bean instanceof ErrorCarrier && ((ErrorCarrier) bean).errorExplicitlyNull()) {
        gen.writeNullField(getName());
      } else {
        super.serializeAsField(bean, gen, prov);
      }
    }
  }
}
