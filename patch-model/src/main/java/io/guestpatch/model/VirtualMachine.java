package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.guestpatch.model.internal.OptionalEncodingEnabled;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One VM of a fleet: its identity, placement (region, zone, availability set, update and fault
 * domain), image, OS patch configuration, agent, power state and tags. This is the record of fleet
 * JSON Lines (one per line, these JSON names); {@link FleetReader} also makes it from ARM JSON.
 *
 * <p>Only structure is checked here (identity and region present, domains not negative); patch rules
 * live in the policy module. Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@OptionalEncodingEnabled
@JsonSerialize(as = ImmutableVirtualMachine.class)
@JsonDeserialize(as = ImmutableVirtualMachine.class)
public abstract class VirtualMachine {
  /** The ARM resource id, {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{name}}. */
  @JsonProperty("id")
  public abstract String id();

  /** The VM name. */
  @JsonProperty("name")
  public abstract String name();

  /** The subscription id. */
  @JsonProperty("subscriptionId")
  public abstract String subscriptionId();

  /** The resource group. */
  @JsonProperty("resourceGroup")
  public abstract String resourceGroup();

  /** The Azure region name ({@code location}), such as {@code eastus}. */
  @JsonProperty("region")
  public abstract String region();

  /** The availability zone, such as {@code 1}; empty for a regional VM. */
  @JsonProperty("zone")
  public abstract Optional<String> zone();

  /** The resource id of the VM's availability set; empty outside a set. */
  @JsonProperty("availabilitySetId")
  public abstract Optional<String> availabilitySetId();

  /** The platform update domain. */
  @JsonProperty("platformUpdateDomain")
  public abstract OptionalInt platformUpdateDomain();

  /** The platform fault domain. */
  @JsonProperty("platformFaultDomain")
  public abstract OptionalInt platformFaultDomain();

  /** The OS family. */
  @JsonProperty("osType")
  public abstract OperatingSystemTypes osType();

  /** The image. */
  @JsonProperty("imageReference")
  public abstract Optional<ImageReference> imageReference();

  /** The Windows configuration (Windows VMs). */
  @JsonProperty("windowsConfiguration")
  public abstract Optional<WindowsConfiguration> windowsConfiguration();

  /** The Linux configuration (Linux VMs). */
  @JsonProperty("linuxConfiguration")
  public abstract Optional<LinuxConfiguration> linuxConfiguration();

  /** The VM agent's version as the instance view reports it, such as {@code 2.2.53.1}. */
  @JsonProperty("vmAgentVersion")
  public abstract Optional<String> vmAgentVersion();

  /** The power state; empty when unknown. */
  @JsonProperty("powerState")
  public abstract Optional<PowerState> powerState();

  /** The Compute API version the VM was last written with, such as {@code 2021-03-01}. */
  @JsonProperty("apiVersion")
  public abstract Optional<String> apiVersion();

  /** The resource tags. */
  @JsonProperty("tags")
  public abstract Map<String, String> tags();

  /** The instance view's patch status, when known. */
  @JsonProperty("patchStatus")
  public abstract Optional<VirtualMachinePatchStatus> patchStatus();

  /** Whether the OS is Windows. */
  @JsonIgnore
  public final boolean isWindows() {
    return OperatingSystemTypes.WINDOWS.equals(osType());
  }

  /** The Windows time zone name, when the VM is Windows and has one. */
  @JsonIgnore
  public final Optional<String> windowsTimeZone() {
    return windowsConfiguration().flatMap(WindowsConfiguration::timeZone);
  }

  /** Whether the VM is running; an unknown power state counts as running. */
  @JsonIgnore
  public final boolean isRunning() {
    return powerState().map(PowerState::isRunning).orElse(true);
  }

  @Value.Check
  protected void check() {
    requireText(id(), "id");
    requireText(name(), "name");
    requireText(subscriptionId(), "subscriptionId");
    requireText(resourceGroup(), "resourceGroup");
    requireText(region(), "region");
    zone().ifPresent(z -> requireText(z, "zone"));
    availabilitySetId().ifPresent(a -> requireText(a, "availabilitySetId"));
    if (platformUpdateDomain().isPresent() && platformUpdateDomain().getAsInt() < 0) {
      throw new IllegalStateException("platformUpdateDomain must not be negative");
    }
    if (platformFaultDomain().isPresent() && platformFaultDomain().getAsInt() < 0) {
      throw new IllegalStateException("platformFaultDomain must not be negative");
    }
  }

  private static void requireText(String value, String field) {
    if (value.isBlank()) {
      throw new IllegalStateException(field + " must not be blank");
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VirtualMachine} values; not thread-safe. */
  public static final class Builder extends ImmutableVirtualMachine.Builder {
    Builder() {}
  }
}
