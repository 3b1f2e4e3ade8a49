package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Azure's {@code ApiError}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableApiError.class)
@JsonDeserialize(as = ImmutableApiError.class)
public abstract class ApiError {
  /** The error details. */
  @JsonProperty("details")
  public abstract List<ApiErrorBase> details();

  /** The inner error (JSON name {@code innererror}). */
  @JsonProperty("innererror")
  public abstract Optional<InnerError> innererror();

  /** The error code. */
  @JsonProperty("code")
  public abstract Optional<String> code();

  /** The target of the error. */
  @JsonProperty("target")
  public abstract Optional<String> target();

  /** The error message. */
  @JsonProperty("message")
  public abstract Optional<String> message();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ApiError} values; not thread-safe. */
  public static final class Builder extends ImmutableApiError.Builder {
    Builder() {}
  }
}
