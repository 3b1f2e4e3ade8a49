package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Azure's HTTP error body: {@code {"error": ApiError}}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCloudError.class)
@JsonDeserialize(as = ImmutableCloudError.class)
public abstract class CloudError {
  /** The error. */
  @JsonProperty("error")
  public abstract Optional<ApiError> error();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CloudError} values; not thread-safe. */
  public static final class Builder extends ImmutableCloudError.Builder {
    Builder() {}
  }
}
