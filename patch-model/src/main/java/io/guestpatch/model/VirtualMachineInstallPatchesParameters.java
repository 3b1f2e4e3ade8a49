package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Azure's {@code VirtualMachineInstallPatchesParameters}, the body of an installPatches request. {@code maximumDuration} is kept as its ISO-8601 text so that it writes back as given; see {@link #maximumDurationValue()}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableVirtualMachineInstallPatchesParameters.class)
@JsonDeserialize(as = ImmutableVirtualMachineInstallPatchesParameters.class)
public abstract class VirtualMachineInstallPatchesParameters {
  /** The longest the installation may take, an ISO-8601 duration such as {@code PT4H}. */
  @JsonProperty("maximumDuration")
  public abstract Optional<String> maximumDuration();

  /** The reboot setting (required by Azure). */
  @JsonProperty("rebootSetting")
  public abstract Optional<VMGuestPatchRebootSetting> rebootSetting();

  /** The Windows selection. */
  @JsonProperty("windowsParameters")
  public abstract Optional<WindowsParameters> windowsParameters();

  /** The Linux selection. */
  @JsonProperty("linuxParameters")
  public abstract Optional<LinuxParameters> linuxParameters();

  /**
   * {@code maximumDuration} as a {@link Duration}; empty when absent.
   *
   * @throws IllegalArgumentException naming the text when it is not an ISO-8601 duration
   */
  public final Optional<Duration> maximumDurationValue() {
    if (maximumDuration().isEmpty()) {
      return Optional.empty();
    }
    String text = maximumDuration().get();
    try {
      return Optional.of(Duration.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "maximumDuration '" + text + "' is not an ISO-8601 duration such as PT4H or PT90M", e);
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VirtualMachineInstallPatchesParameters} values; not thread-safe. */
  public static final class Builder extends ImmutableVirtualMachineInstallPatchesParameters.Builder {
    Builder() {}
  }
}
