package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.guestpatch.model.internal.OptionalBooleanEncodingEnabled;
import io.guestpatch.model.internal.OptionalEncodingEnabled;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The patch-relevant members of {@code osProfile.windowsConfiguration}. Other members are ignored when read.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
// The first enabled encoding that fits wins: Optional<Boolean> attributes get boolean builder methods.
@OptionalBooleanEncodingEnabled
@OptionalEncodingEnabled
@SuppressWarnings("immutables:incompat") // that both encodings fit Optional<Boolean> is intended
@JsonSerialize(as = ImmutableWindowsConfiguration.class)
@JsonDeserialize(as = ImmutableWindowsConfiguration.class)
public abstract class WindowsConfiguration {
  /** Whether the VM agent is provisioned; Azure's default when absent is true. */
  @JsonProperty("provisionVMAgent")
  public abstract Optional<Boolean> provisionVMAgent();

  /** Whether Windows automatic updates are on; Azure's default when absent is true. Settable only at creation. */
  @JsonProperty("enableAutomaticUpdates")
  public abstract Optional<Boolean> enableAutomaticUpdates();

  /** The VM's Windows time zone name, such as {@code Pacific Standard Time}. */
  @JsonProperty("timeZone")
  public abstract Optional<String> timeZone();

  /** The patch settings. */
  @JsonProperty("patchSettings")
  public abstract Optional<PatchSettings> patchSettings();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WindowsConfiguration} values; not thread-safe. */
  public static final class Builder extends ImmutableWindowsConfiguration.Builder {
    Builder() {}
  }
}
