package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.guestpatch.model.internal.OptionalBooleanEncodingEnabled;
import io.guestpatch.model.internal.OptionalEncodingEnabled;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The patch-relevant members of {@code osProfile.linuxConfiguration}. Other members are ignored when read.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
// The first enabled encoding that fits wins: Optional<Boolean> attributes get boolean builder methods.
@OptionalBooleanEncodingEnabled
@OptionalEncodingEnabled
@SuppressWarnings("immutables:incompat") // that both encodings fit Optional<Boolean> is intended
@JsonSerialize(as = ImmutableLinuxConfiguration.class)
@JsonDeserialize(as = ImmutableLinuxConfiguration.class)
public abstract class LinuxConfiguration {
  /** Whether the VM agent is provisioned; Azure's default when absent is true. */
  @JsonProperty("provisionVMAgent")
  public abstract Optional<Boolean> provisionVMAgent();

  /** The patch settings. */
  @JsonProperty("patchSettings")
  public abstract Optional<LinuxPatchSettings> patchSettings();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LinuxConfiguration} values; not thread-safe. */
  public static final class Builder extends ImmutableLinuxConfiguration.Builder {
    Builder() {}
  }
}
