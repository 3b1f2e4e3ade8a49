package io.guestpatch.orchestrator;

import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.VirtualMachine;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One row of the audit trace (SPEC 4.5, B9): a finished assess, install or enable operation on one VM,
 * with the VM's placement as the engine saw it, the stage, and the operation's UTC start, end and
 * outcome. {@link TraceWriter} writes these rows as CSV and {@link TraceReader} reads them back;
 * {@link SafetyAuditor} checks them against the I-rules.
 *
 * <p>An install is in flight over the half-open interval {@code [startUtc, endUtc)}: an operation that
 * ends at the instant another starts does not overlap it.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}; {@link Builder#build()} throws
 * {@link IllegalStateException} naming the field when a required field is missing or a value is out of
 * range (blank ids, a negative stage or update domain, an end before the start, an outcome that is not
 * one of {@link #OUTCOMES}).
 */
public final class TraceRecord {
  /** The outcome of an operation that did not answer in time: {@code TimedOut}. */
  public static final PatchOperationStatus TIMED_OUT = PatchOperationStatus.fromString("TimedOut");

  /**
   * The outcomes a trace row may carry: Azure's {@code PatchOperationStatus} values ({@code Succeeded},
   * {@code Failed}, {@code CompletedWithWarnings}, {@code InProgress}, {@code Unknown}) and
   * {@link #TIMED_OUT}.
   */
  public static final List<PatchOperationStatus> OUTCOMES =
      List.of(
          PatchOperationStatus.SUCCEEDED,
          PatchOperationStatus.FAILED,
          PatchOperationStatus.COMPLETED_WITH_WARNINGS,
          PatchOperationStatus.IN_PROGRESS,
          PatchOperationStatus.UNKNOWN,
          TIMED_OUT);

  /** The kind of operation a row records; {@link #wireName()} is the {@code operation} field. */
  public enum Operation {
    /** A patch assessment ({@code assess}). */
    ASSESS("assess"),
    /** A patch installation ({@code install}). */
    INSTALL("install"),
    /** Enablement of platform patching ({@code enable}). */
    ENABLE("enable");

    private final String wireName;

    Operation(String wireName) {
      this.wireName = wireName;
    }

    /** The name in the trace: {@code assess}, {@code install} or {@code enable}. */
    public String wireName() {
      return wireName;
    }

    /**
     * The operation for a trace name, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when the name is none of them
     */
    public static Operation fromWireName(String name) {
      for (Operation op : values()) {
        if (op.wireName.equalsIgnoreCase(name)) {
          return op;
        }
      }
      throw new IllegalArgumentException("'" + name + "' is not an operation; use assess, install or enable");
    }
  }

  private final String vmId;
  private final String subscriptionId;
  private final String region;
  private final @Nullable String zone;
  private final @Nullable String availabilitySet;
  private final int updateDomain; // -1 when absent
  private final ZoneId timeZone;
  private final int stage; // -1 when absent
  private final Operation operation;
  private final Instant startUtc;
  private final Instant endUtc;
  private final PatchOperationStatus outcome;

  private TraceRecord(Builder b) {
    this.vmId = required(b.vmId, "vmId");
    this.subscriptionId = required(b.subscriptionId, "subscriptionId");
    this.region = required(b.region, "region");
    this.zone = b.zone;
    this.availabilitySet = b.availabilitySet;
    this.updateDomain = b.updateDomain;
    this.timeZone = required(b.timeZone, "timeZone");
    this.stage = b.stage;
    this.operation = required(b.operation, "operation");
    this.startUtc = required(b.startUtc, "startUtc");
    this.endUtc = required(b.endUtc, "endUtc");
    this.outcome = required(b.outcome, "outcome");
    requireText(vmId, "vmId");
    requireText(subscriptionId, "subscriptionId");
    requireText(region, "region");
    if (zone != null) {
      requireText(zone, "zone");
    }
    if (availabilitySet != null) {
      requireText(availabilitySet, "availabilitySet");
    }
    if (endUtc.isBefore(startUtc)) {
      throw new IllegalStateException(
          "endUtc " + endUtc + " of " + vmId + " is before its startUtc " + startUtc);
    }
    if (!isAllowedOutcome(outcome)) {
      throw new IllegalStateException(
          "outcome '" + outcome + "' of " + vmId + " is not one of " + OUTCOMES);
    }
  }

  /** A new builder with no field set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.vmId = vmId;
    b.subscriptionId = subscriptionId;
    b.region = region;
    b.zone = zone;
    b.availabilitySet = availabilitySet;
    b.updateDomain = updateDomain;
    b.timeZone = timeZone;
    b.stage = stage;
    b.operation = operation;
    b.startUtc = startUtc;
    b.endUtc = endUtc;
    b.outcome = outcome;
    return b;
  }

  /** The VM's ARM resource id. */
  public String vmId() {
    return vmId;
  }

  /** The VM's subscription id. */
  public String subscriptionId() {
    return subscriptionId;
  }

  /** The VM's region, such as {@code eastus}. */
  public String region() {
    return region;
  }

  /** The VM's availability zone; empty for a regional VM. */
  public Optional<String> zone() {
    return Optional.ofNullable(zone);
  }

  /** The VM's availability set id; empty outside a set. */
  public Optional<String> availabilitySet() {
    return Optional.ofNullable(availabilitySet);
  }

  /** The VM's platform update domain; empty when unknown. */
  public OptionalInt updateDomain() {
    return updateDomain < 0 ? OptionalInt.empty() : OptionalInt.of(updateDomain);
  }

  /** The time zone used for the VM's off-peak window (W1). */
  public ZoneId timeZone() {
    return timeZone;
  }

  /** The 0-based stage index; empty for an operation outside any stage (an on-demand assessment). */
  public OptionalInt stage() {
    return stage < 0 ? OptionalInt.empty() : OptionalInt.of(stage);
  }

  /** The operation. */
  public Operation operation() {
    return operation;
  }

  /** When the operation started (UTC). */
  public Instant startUtc() {
    return startUtc;
  }

  /** When the operation ended (UTC); never before {@link #startUtc()}. */
  public Instant endUtc() {
    return endUtc;
  }

  /** The outcome, one of {@link #OUTCOMES}. */
  public PatchOperationStatus outcome() {
    return outcome;
  }

  /** Whether this is an install whose outcome is {@code Succeeded} or {@code CompletedWithWarnings}. */
  public boolean isSuccessfulInstall() {
    return operation == Operation.INSTALL && isSuccess(outcome);
  }

  // Fast accessors for the writer and the auditor (no Optional allocation).
  @Nullable String zoneOrNull() {
    return zone;
  }

  @Nullable String availabilitySetOrNull() {
    return availabilitySet;
  }

  int updateDomainOrMinus1() {
    return updateDomain;
  }

  int stageOrMinus1() {
    return stage;
  }

  static boolean isSuccess(PatchOperationStatus outcome) {
    return PatchOperationStatus.SUCCEEDED.equals(outcome)
        || PatchOperationStatus.COMPLETED_WITH_WARNINGS.equals(outcome);
  }

  static boolean isAllowedOutcome(PatchOperationStatus outcome) {
    for (PatchOperationStatus allowed : OUTCOMES) {
      if (allowed.equals(outcome)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The canonical outcome for a trace string (ignoring case), or null when the string is not one of
   * {@link #OUTCOMES}.
   */
  static @Nullable PatchOperationStatus outcomeOrNull(String value) {
    for (PatchOperationStatus allowed : OUTCOMES) {
      if (allowed.value().equals(value)) {
        return allowed;
      }
    }
    for (PatchOperationStatus allowed : OUTCOMES) {
      if (allowed.value().equalsIgnoreCase(value)) {
        return allowed;
      }
    }
    return null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TraceRecord)) {
      return false;
    }
    TraceRecord r = (TraceRecord) o;
    return updateDomain == r.updateDomain
        && stage == r.stage
        && vmId.equals(r.vmId)
        && subscriptionId.equals(r.subscriptionId)
        && region.equals(r.region)
        && Objects.equals(zone, r.zone)
        && Objects.equals(availabilitySet, r.availabilitySet)
        && timeZone.equals(r.timeZone)
        && operation == r.operation
        && startUtc.equals(r.startUtc)
        && endUtc.equals(r.endUtc)
        && outcome.value().equals(r.outcome.value());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        vmId, subscriptionId, region, zone, availabilitySet, updateDomain, timeZone, stage, operation,
        startUtc, endUtc, outcome.value());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(160).append("TraceRecord{");
    sb.append(operation.wireName()).append(' ').append(vmId);
    sb.append(", subscription=").append(subscriptionId).append(", region=").append(region);
    if (zone != null) {
      sb.append(", zone=").append(zone);
    }
    if (availabilitySet != null) {
      sb.append(", availabilitySet=").append(availabilitySet);
    }
    if (updateDomain >= 0) {
      sb.append(", updateDomain=").append(updateDomain);
    }
    sb.append(", timeZone=").append(timeZone.getId());
    if (stage >= 0) {
      sb.append(", stage=").append(stage);
    }
    return sb.append(", ").append(startUtc).append(" to ").append(endUtc)
        .append(", ").append(outcome).append('}').toString();
  }

  private static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw new IllegalStateException("TraceRecord needs " + field);
    }
    return value;
  }

  private static void requireText(String value, String field) {
    if (value.isBlank()) {
      throw new IllegalStateException(field + " must not be blank (leave an optional field unset instead)");
    }
  }

  /** Builds {@link TraceRecord}s; not thread-safe. Optional fields start absent. */
  public static final class Builder {
    private @Nullable String vmId;
    private @Nullable String subscriptionId;
    private @Nullable String region;
    private @Nullable String zone;
    private @Nullable String availabilitySet;
    private int updateDomain = -1;
    private @Nullable ZoneId timeZone;
    private int stage = -1;
    private @Nullable Operation operation;
    private @Nullable Instant startUtc;
    private @Nullable Instant endUtc;
    private @Nullable PatchOperationStatus outcome;

    private Builder() {}

    /**
     * Sets the VM id, subscription, region, zone, availability set and update domain from a fleet
     * record (the time zone is not copied: it comes from the off-peak rules, W1).
     */
    public Builder placement(VirtualMachine vm) {
      vmId = vm.id();
      subscriptionId = vm.subscriptionId();
      region = vm.region();
      zone = vm.zone().orElse(null);
      availabilitySet = vm.availabilitySetId().orElse(null);
      updateDomain = vm.platformUpdateDomain().orElse(-1);
      return this;
    }

    /** The VM's ARM resource id. */
    public Builder vmId(String vmId) {
      this.vmId = Objects.requireNonNull(vmId, "vmId");
      return this;
    }

    /** The VM's subscription id. */
    public Builder subscriptionId(String subscriptionId) {
      this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
      return this;
    }

    /** The VM's region. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The VM's availability zone. */
    public Builder zone(String zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** The VM's availability zone, or empty for a regional VM. */
    public Builder zone(Optional<String> zone) {
      this.zone = zone.orElse(null);
      return this;
    }

    /** The VM's availability set id. */
    public Builder availabilitySet(String availabilitySet) {
      this.availabilitySet = Objects.requireNonNull(availabilitySet, "availabilitySet");
      return this;
    }

    /** The VM's availability set id, or empty outside a set. */
    public Builder availabilitySet(Optional<String> availabilitySet) {
      this.availabilitySet = availabilitySet.orElse(null);
      return this;
    }

    /**
     * The VM's update domain.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder updateDomain(int updateDomain) {
      if (updateDomain < 0) {
        throw new IllegalArgumentException("updateDomain must not be negative, got " + updateDomain);
      }
      this.updateDomain = updateDomain;
      return this;
    }

    /** The VM's update domain, or empty when unknown. */
    public Builder updateDomain(OptionalInt updateDomain) {
      return updateDomain.isPresent() ? updateDomain(updateDomain.getAsInt()) : clearUpdateDomain();
    }

    private Builder clearUpdateDomain() {
      this.updateDomain = -1;
      return this;
    }

    /** The time zone of the VM's off-peak window. */
    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
      return this;
    }

    /**
     * The time zone of the VM's off-peak window, as an IANA id such as {@code Europe/London}.
     *
     * @throws IllegalArgumentException if the id is not a time zone id
     */
    public Builder timeZone(String timeZone) {
      try {
        this.timeZone = ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "timeZone '" + timeZone + "' is not a time zone id such as Europe/London", e);
      }
      return this;
    }

    /**
     * The 0-based stage index.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder stage(int stage) {
      if (stage < 0) {
        throw new IllegalArgumentException("stage must not be negative, got " + stage);
      }
      this.stage = stage;
      return this;
    }

    /** The 0-based stage index, or empty for an operation outside any stage. */
    public Builder stage(OptionalInt stage) {
      if (stage.isPresent()) {
        return stage(stage.getAsInt());
      }
      this.stage = -1;
      return this;
    }

    /** The operation. */
    public Builder operation(Operation operation) {
      this.operation = Objects.requireNonNull(operation, "operation");
      return this;
    }

    /** When the operation started. */
    public Builder startUtc(Instant startUtc) {
      this.startUtc = Objects.requireNonNull(startUtc, "startUtc");
      return this;
    }

    /** When the operation ended; must not be before the start. */
    public Builder endUtc(Instant endUtc) {
      this.endUtc = Objects.requireNonNull(endUtc, "endUtc");
      return this;
    }

    /** The outcome, one of {@link #OUTCOMES}. */
    public Builder outcome(PatchOperationStatus outcome) {
      this.outcome = Objects.requireNonNull(outcome, "outcome");
      return this;
    }

    /**
     * The outcome by its trace name, such as {@code Succeeded} or {@code TimedOut} (ignoring case).
     *
     * @throws IllegalArgumentException if the name is not one of {@link #OUTCOMES}
     */
    public Builder outcome(String outcome) {
      PatchOperationStatus s = outcomeOrNull(outcome);
      if (s == null) {
        throw new IllegalArgumentException("outcome '" + outcome + "' is not one of " + OUTCOMES);
      }
      this.outcome = s;
      return this;
    }

    /**
     * The record.
     *
     * @throws IllegalStateException naming the field when one is missing or out of range
     */
    public TraceRecord build() {
      return new TraceRecord(this);
    }
  }
}
