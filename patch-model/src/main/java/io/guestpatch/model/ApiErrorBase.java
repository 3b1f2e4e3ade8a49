package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Azure's {@code ApiErrorBase}: one detail of an {@link ApiError}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableApiErrorBase.class)
@JsonDeserialize(as = ImmutableApiErrorBase.class)
public abstract class ApiErrorBase {
  /** The error code. */
  @JsonProperty("code")
  public abstract Optional<String> code();

  /** The target of the error, a property path such as {@code windowsConfiguration.patchSettings.patchMode}. */
  @JsonProperty("target")
  public abstract Optional<String> target();

  /** The error message. */
  @JsonProperty("message")
  public abstract Optional<String> message();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ApiErrorBase} values; not thread-safe. */
  public static final class Builder extends ImmutableApiErrorBase.Builder {
    Builder() {}
  }
}
