package io.guestpatch.model.internal;

import java.util.Objects;
import java.util.Optional;
import org.immutables.encode.Encoding;

/**
 * An Immutables encoding for {@code Optional<T>} attributes that keeps the {@link Optional} itself in
 * the immutable instance, so the accessor returns a stored object instead of wrapping a nullable field
 * on every call ({@code Optional.ofNullable}), an allocation JDK 17's C2 cannot always scalar-replace
 * (it merges with {@code Optional.EMPTY}). With it, reading a VM's settings allocates nothing.
 *
 * <p>Stored Optionals are shared through {@link SharedOptionals}, so VMs that share a value (a
 * configuration, an image, a version string) share its Optional too and a VM costs about what it did.
 *
 * <p>Enabled per value type with the generated {@code @OptionalEncodingEnabled} (see
 * {@link OptionalBooleanEncoding} for {@code Optional<Boolean>}). The builder keeps the pair
 * {@code foo(T)} / {@code foo(Optional<? extends T>)}, the immutable type the pair
 * {@code withFoo(T)} / {@code withFoo(Optional<? extends T>)}; equals and hashCode are those of the
 * unwrapped value (an empty optional hashes as 0, as {@code Objects.hashCode(null)}), and the JSON is
 * unchanged. Differences from Immutables' own Optional handling, none of which an encoding can avoid:
 * toString prints an absent attribute as {@code name=absent} instead of leaving it out;
 * {@code Builder.from(instance)} copies absent values too (an encoding's copy initializer must be a
 * public builder method, so it cannot skip them without adding API); builder and copy methods are not
 * {@code final}; each instance has Immutables' {@code initShim} field, which it makes for any type with
 * an encoded attribute.
 *
 * <p>Only a template for the annotation processor, which copies its code into each immutable type:
 * nothing calls it at run time, and the classes it names are written in full because the template's
 * own imports do not reach the generated code. It must be compiled before the types that enable it
 * (patch-model's {@code compile-encodings} execution).
 */
@Encoding
final class OptionalEncoding<T> {
  @Encoding.Impl
  private final Optional<T> value = null; // the Impl field's initializer is only a template

  @Encoding.Expose
  Optional<T> get() {
    return value;
  }

  @Encoding.Of
  static <T> Optional<T> of(Optional<? extends T> optional) {
    return io.guestpatch.model.internal.SharedOptionals.share(optional);
  }

  @Encoding.Copy
  @Encoding.Naming("with*")
  Optional<T> withValue(T v) {
    Objects.requireNonNull(v);
    return v.equals(value.orElse(null)) ? value : io.guestpatch.model.internal.SharedOptionals.of(v);
  }

  @Encoding.Copy
  @Encoding.Naming("with*")
  Optional<T> withOptional(Optional<? extends T> v) {
    return v.equals(value) ? value : io.guestpatch.model.internal.SharedOptionals.share(v);
  }

  boolean equals(OptionalEncoding<T> other) {
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
  static final class Builder<T> {
    private Optional<T> builderValue = Optional.empty();

    @Encoding.Init
    @Encoding.Naming(standard = Encoding.StandardNaming.INIT)
    void set(T v) {
      this.builderValue = io.guestpatch.model.internal.SharedOptionals.of(Objects.requireNonNull(v));
    }

    @Encoding.Init
    @Encoding.Copy
    @Encoding.Naming(standard = Encoding.StandardNaming.INIT)
    void setOptional(Optional<? extends T> v) {
      this.builderValue = io.guestpatch.model.internal.SharedOptionals.share(v);
    }

    @Encoding.Build
    Optional<T> build() {
      return builderValue;
    }
  }
}
