package io.guestpatch.model.internal;

import java.util.Optional;

/**
 * Shares {@link Optional} wrappers among value objects that hold the same value (the same object),
 * for the model types whose Optional attributes keep their Optional ({@link OptionalEncoding}). A
 * fleet's VMs share their configurations, images and short strings (the generator and
 * {@code FleetCanonicalizer} make them so), and with this they share the Optionals around them too,
 * so keeping the Optional costs about nothing per VM instead of 16 bytes per present attribute.
 *
 * <p>A fixed table of {@value #SIZE} slots indexed by the value's identity hash: a slot keeps the last
 * Optional put there, so a value that misses gets its own Optional, as it would without the table.
 * Lock-free: slots are written racily, which is safe because an Optional is immutable and its field
 * final. Values are compared by identity, never by {@code equals}, so no user code runs here. The
 * table keeps at most {@value #SIZE} values reachable. Not part of the API.
 */
public final class SharedOptionals {
  static final int SIZE = 1 << 12;

  private static final Optional<?>[] SLOTS = new Optional<?>[SIZE];

  private SharedOptionals() {}

  /** {@code Optional.of(value)}, or an Optional made earlier for this same object. */
  @SuppressWarnings("unchecked") // the slot's Optional holds this very object, so it is an Optional<T>
  public static <T> Optional<T> of(T value) {
    int slot = System.identityHashCode(value) & (SIZE - 1); // NPE-free: identityHashCode(null) is 0
    Optional<?> known = SLOTS[slot];
    if (known != null && known.get() == value) {
      return (Optional<T>) known;
    }
    Optional<T> made = Optional.of(value);
    SLOTS[slot] = made;
    return made;
  }

  /** {@code optional}, or an Optional made earlier for the same object it holds. */
  @SuppressWarnings("unchecked") // Optional is read-only, so an Optional<? extends T> is an Optional<T>
  public static <T> Optional<T> share(Optional<? extends T> optional) {
    if (optional.isEmpty()) {
      return Optional.empty();
    }
    Object value = optional.get();
    int slot = System.identityHashCode(value) & (SIZE - 1);
    Optional<?> known = SLOTS[slot];
    if (known != null && known.get() == value) {
      return (Optional<T>) known;
    }
    SLOTS[slot] = optional;
    return (Optional<T>) optional;
  }
}
