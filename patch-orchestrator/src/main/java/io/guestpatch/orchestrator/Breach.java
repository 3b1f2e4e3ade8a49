package io.guestpatch.orchestrator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One breach of an availability-first invariant found by {@link SafetyAuditor}: the rule, the instant,
 * the VMs involved (the first {@value #MAX_LISTED_VMS} ids, with {@link #vmCount()} counting all), the
 * subscription, region, zone, availability set or stage concerned where the rule has one, and a
 * readable message.
 *
 * <p>Immutable and thread-safe.
 */
public final class Breach {
  /** At most this many VM ids are listed per breach. */
  public static final int MAX_LISTED_VMS = 20;

  /** The rules the auditor checks (SPEC 4.2), plus {@link #FLEET} for trace rows that do not match the fleet. */
  public enum Rule {
    /** Paired regions never have installs in flight together and never share a stage; a region is in one stage. */
    I1("I1", "paired regions apart"),
    /** No install of a stage starts while an earlier stage has installs in flight, or before it started. */
    I2("I2", "stages in order"),
    /** In-flight installs of a region touch at most one availability zone. */
    I3("I3", "one zone per region"),
    /** In-flight installs of an availability set touch one update domain and at most 20% of the set. */
    I4("I4", "one update domain and 20% per availability set"),
    /** In-flight installs outside sets stay within 20% of the subscription's such VMs in the region. */
    I5("I5", "20% per subscription and region outside sets"),
    /** Each install starts and ends inside the VM's off-peak window. */
    I6("I6", "off-peak only"),
    /** A VM succeeds at most once per cycle and never has two installs in flight. */
    I9("I9", "once per cycle"),
    /** A trace row names a VM that is not in the fleet, or places it where the fleet does not. */
    FLEET("FLEET", "trace matches the fleet");

    private final String id;
    private final String title;

    Rule(String id, String title) {
      this.id = id;
      this.title = title;
    }

    /** The rule id, such as {@code I3}. */
    public String id() {
      return id;
    }

    /** A few words on what the rule keeps. */
    public String title() {
      return title;
    }
  }

  private final Rule rule;
  private final Instant instant;
  private final List<String> vmIds;
  private final int vmCount;
  private final @Nullable String subscriptionId;
  private final @Nullable String region;
  private final @Nullable String zone;
  private final @Nullable String availabilitySet;
  private final int stage;
  private final String message;

  Breach(
      Rule rule,
      Instant instant,
      List<String> vmIds,
      int vmCount,
      @Nullable String subscriptionId,
      @Nullable String region,
      @Nullable String zone,
      @Nullable String availabilitySet,
      int stage,
      String message) {
    this.rule = Objects.requireNonNull(rule);
    this.instant = Objects.requireNonNull(instant);
    this.vmIds = List.copyOf(vmIds);
    this.vmCount = vmCount;
    this.subscriptionId = subscriptionId;
    this.region = region;
    this.zone = zone;
    this.availabilitySet = availabilitySet;
    this.stage = stage;
    this.message = Objects.requireNonNull(message);
  }

  /** The rule broken. */
  public Rule rule() {
    return rule;
  }

  /** The instant of the breach: when the offending install started (or the row's start for FLEET). */
  public Instant instant() {
    return instant;
  }

  /**
   * The VMs involved, the offending VM first, then those it conflicts with; at most
   * {@value #MAX_LISTED_VMS}.
   */
  public List<String> vmIds() {
    return vmIds;
  }

  /** How many VMs (installs) are involved, including those not listed in {@link #vmIds()}. */
  public int vmCount() {
    return vmCount;
  }

  /** The subscription concerned (I5, FLEET). */
  public Optional<String> subscriptionId() {
    return Optional.ofNullable(subscriptionId);
  }

  /** The region concerned. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /** The availability zone of the offending install (I3). */
  public Optional<String> zone() {
    return Optional.ofNullable(zone);
  }

  /** The availability set concerned (I4). */
  public Optional<String> availabilitySet() {
    return Optional.ofNullable(availabilitySet);
  }

  /** The stage of the offending install (I1, I2). */
  public OptionalInt stage() {
    return stage < 0 ? OptionalInt.empty() : OptionalInt.of(stage);
  }

  /** What happened, in a sentence. */
  public String message() {
    return message;
  }

  /** {@code I3 at 2026-12-09T03:00:00Z: message [vm, vm, ... +N more]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(128);
    sb.append(rule.id()).append(" at ").append(instant).append(": ").append(message).append(" [");
    for (int i = 0; i < vmIds.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(vmIds.get(i));
    }
    if (vmCount > vmIds.size()) {
      sb.append(vmIds.isEmpty() ? "" : ", ").append("+").append(vmCount - vmIds.size()).append(" more");
    }
    return sb.append(']').toString();
  }
}
