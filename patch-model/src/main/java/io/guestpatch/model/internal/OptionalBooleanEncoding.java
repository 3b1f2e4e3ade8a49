package io.guestpatch.model.internal;

import java.util.Objects;
import java.util.Optional;
import org.immutables.encode.Encoding;

/**
 * {@link OptionalEncoding} for {@code Optional<Boolean>}, whose builder and copy methods take a
 * primitive {@code boolean} as Immutables' own do. Only a template for the processor.
 */
@Encoding
final class OptionalBooleanEncoding {
  @Encoding.Impl
  private final Optional<Boolean> value = null; // the Impl field's initializer is only a template

  @Encoding.Expose
  Optional<Boolean> get() {
    return value;
  }

  @Encoding.Of
  static Optional<Boolean> of(Optional<Boolean> optional) {
    return io.guestpatch.model.internal.SharedOptionals.share(optional);
  }

  @Encoding.Copy
  @Encoding.Naming("with*")
  Optional<Boolean> withValue(boolean v) {
    return value.isPresent() && value.get() == v ? value : io.guestpatch.model.internal.SharedOptionals.of(Boolean.valueOf(v));
  }

  @Encoding.Copy
  @Encoding.Naming("with*")
  Optional<Boolean> withOptional(Optional<Boolean> v) {
    return v.equals(value) ? value : io.guestpatch.model.internal.SharedOptionals.share(v);
  }

  boolean equals(OptionalBooleanEncoding other) {
    return value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value.isPresent() ? String.valueOf(value.get()) : "absent";
  }

  @Encoding.Builder
  static final class Builder {
    private Optional<Boolean> builderValue = Optional.empty();

    @Encoding.Init
    @Encoding.Naming(standard = Encoding.StandardNaming.INIT)
    void set(boolean v) {
      this.builderValue = io.guestpatch.model.internal.SharedOptionals.of(Boolean.valueOf(v));
    }

    @Encoding.Init
    @Encoding.Copy
    @Encoding.Naming(standard = Encoding.StandardNaming.INIT)
    void setOptional(Optional<Boolean> v) {
      this.builderValue = io.guestpatch.model.internal.SharedOptionals.share(v);
    }

    @Encoding.Build
    Optional<Boolean> build() {
      return builderValue;
    }
  }
}
