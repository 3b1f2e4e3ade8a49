package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Azure's {@code InnerError}; note the all-lower-case JSON names.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInnerError.class)
@JsonDeserialize(as = ImmutableInnerError.class)
public abstract class InnerError {
  /** The exception type. */
  @JsonProperty("exceptiontype")
  public abstract Optional<String> exceptiontype();

  /** The internal error message or exception dump. */
  @JsonProperty("errordetail")
  public abstract Optional<String> errordetail();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link InnerError} values; not thread-safe. */
  public static final class Builder extends ImmutableInnerError.Builder {
    Builder() {}
  }
}
