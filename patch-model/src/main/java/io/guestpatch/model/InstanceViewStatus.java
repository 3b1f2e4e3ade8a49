package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Azure's {@code InstanceViewStatus}, here the items of {@code patchStatus.configurationStatuses}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInstanceViewStatus.class)
@JsonDeserialize(as = ImmutableInstanceViewStatus.class)
public abstract class InstanceViewStatus {
  /** The status code, such as {@code PatchModeConfigurationState/Ready}. */
  @JsonProperty("code")
  public abstract Optional<String> code();

  /** The level. */
  @JsonProperty("level")
  public abstract Optional<StatusLevelTypes> level();

  /** The short localizable label. */
  @JsonProperty("displayStatus")
  public abstract Optional<String> displayStatus();

  /** The detailed message. */
  @JsonProperty("message")
  public abstract Optional<String> message();

  /** The time of the status. */
  @JsonProperty("time")
  public abstract Optional<AzureDateTime> time();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link InstanceViewStatus} values; not thread-safe. */
  public static final class Builder extends ImmutableInstanceViewStatus.Builder {
    Builder() {}
  }
}
