package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Azure's {@code PatchInstallationDetail}: one patch of an installation result.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePatchInstallationDetail.class)
@JsonDeserialize(as = ImmutablePatchInstallationDetail.class)
public abstract class PatchInstallationDetail {
  /** The patch id. */
  @JsonProperty("patchId")
  public abstract Optional<String> patchId();

  /** The patch or package name. */
  @JsonProperty("name")
  public abstract Optional<String> name();

  /** The version (Linux). */
  @JsonProperty("version")
  public abstract Optional<String> version();

  /** The KB number (Windows). */
  @JsonProperty("kbId")
  public abstract Optional<String> kbId();

  /** The publisher's classification labels. */
  @JsonProperty("classifications")
  public abstract List<String> classifications();

  /** What happened to the patch. */
  @JsonProperty("installationState")
  public abstract Optional<PatchInstallationState> installationState();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PatchInstallationDetail} values; not thread-safe. */
  public static final class Builder extends ImmutablePatchInstallationDetail.Builder {
    Builder() {}
  }
}
