package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Base of Azure's extensible string enums ({@code modelAsString: true}): the known values are
 * constants, and any other string parses too and is written back exactly as it was read.
 *
 * <p>Two values are equal when they are of the same type and their strings are equal ignoring case,
 * so {@code "automaticbyplatform"} equals the {@code AutomaticByPlatform} constant while still
 * writing back {@code "automaticbyplatform"}. Instances are immutable and thread-safe.
 */
public abstract class ExpandableStringEnum {
  private final String value;
  private final boolean known;

  /**
   * For subclasses.
   *
   * @param value the wire string, not null
   * @param known whether the string names one of the type's documented values
   */
  protected ExpandableStringEnum(String value, boolean known) {
    this.value = Objects.requireNonNull(value, "value");
    this.known = known;
  }

  /** The string as it appears on the wire. */
  @JsonValue
  public final String value() {
    return value;
  }

  /** Whether the string is one of the values Azure documents for this type (ignoring case). */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final boolean equals(Object other) {
    return other != null
        && other.getClass() == getClass()
        && ((ExpandableStringEnum) other).value.equalsIgnoreCase(value);
  }

  @Override
  public final int hashCode() {
    return value.toLowerCase(Locale.ROOT).hashCode();
  }

  @Override
  public final String toString() {
    return value;
  }

  /**
   * The registry of one enum type's known values; used by each subclass's {@code fromString}.
   *
   * @param <T> the enum type
   */
  protected static final class Values<T extends ExpandableStringEnum> {
    private final Map<String, T> byLowerCase = new LinkedHashMap<>();
    private final BiFunction<String, Boolean, T> factory;

    /** @param factory makes an instance from a wire string and whether it is known */
    public Values(BiFunction<String, Boolean, T> factory) {
      this.factory = factory;
    }

    /** Registers and returns a documented value. */
    public T known(String value) {
      T constant = factory.apply(value, true);
      byLowerCase.put(value.toLowerCase(Locale.ROOT), constant);
      return constant;
    }

    /**
     * The constant for an exact match; otherwise a new instance that keeps the string as given.
     *
     * @throws IllegalArgumentException if the string is blank
     */
    public T of(String value) {
      Objects.requireNonNull(value, "value");
      T constant = byLowerCase.get(value.toLowerCase(Locale.ROOT));
      if (constant != null) {
        return constant.value().equals(value) ? constant : factory.apply(value, true);
      }
      if (value.isBlank()) {
        throw new IllegalArgumentException("an enum value must not be blank");
      }
      return factory.apply(value, false);
    }

    /** The documented values, in declaration order. */
    public Collection<T> all() {
      return Collections.unmodifiableCollection(byLowerCase.values());
    }
  }
}
