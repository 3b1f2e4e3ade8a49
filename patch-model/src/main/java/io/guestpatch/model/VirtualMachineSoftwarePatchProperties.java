package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Azure's {@code VirtualMachineSoftwarePatchProperties}: one patch found by an assessment. The 2020-06-01 name {@code kbid} is read as {@code kbId}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableVirtualMachineSoftwarePatchProperties.class)
@JsonDeserialize(as = ImmutableVirtualMachineSoftwarePatchProperties.class)
public abstract class VirtualMachineSoftwarePatchProperties {
  /** The patch id. */
  @JsonProperty("patchId")
  public abstract Optional<String> patchId();

  /** The patch or package name. */
  @JsonProperty("name")
  public abstract Optional<String> name();

  /** The version (Linux; Windows sends an empty string). */
  @JsonProperty("version")
  public abstract Optional<String> version();

  /** The KB number (Windows), without the {@code KB} prefix as Azure sends it. */
  @JsonProperty("kbId")
  @JsonAlias("kbid")
  public abstract Optional<String> kbId();

  /** The publisher's classification labels, free text such as {@code Security Updates} or {@code Critical}. */
  @JsonProperty("classifications")
  public abstract List<String> classifications();

  /** How the patch behaves with respect to reboots. */
  @JsonProperty("rebootBehavior")
  public abstract Optional<VMGuestPatchRebootBehavior> rebootBehavior();

  /** The activity id of the assessment that found it. */
  @JsonProperty("activityId")
  public abstract Optional<String> activityId();

  /** When the patch was published. */
  @JsonProperty("publishedDate")
  public abstract Optional<AzureDateTime> publishedDate();

  /** When the record last changed. */
  @JsonProperty("lastModifiedDateTime")
  public abstract Optional<AzureDateTime> lastModifiedDateTime();

  /** The patch's assessment state. */
  @JsonProperty("assessmentState")
  public abstract Optional<PatchAssessmentState> assessmentState();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VirtualMachineSoftwarePatchProperties} values; not thread-safe. */
  public static final class Builder extends ImmutableVirtualMachineSoftwarePatchProperties.Builder {
    Builder() {}
  }
}
