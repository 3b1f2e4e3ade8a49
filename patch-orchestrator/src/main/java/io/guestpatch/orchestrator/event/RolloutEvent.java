package io.guestpatch.orchestrator.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened in a rollout (SPEC 4.1): its type, instant, stage, region, VM and a detail
 * text. Fields that do not apply are -1 or empty strings. Immutable and thread-safe.
 */
public final class RolloutEvent {
  /** The kinds of event. */
  public enum Type {
    /** The cycle started; detail is its label. */
    CYCLE_STARTED, STAGE_STARTED, BATCH_STARTED, VM_STARTED, VM_SUCCEEDED, VM_FAILED, VM_RETRY_SCHEDULED,
    GATE_PASSED, GATE_BLOCKED, HALTED, RESUMED, PAUSED, CANCELLED, DEADLINE_AT_RISK, CYCLE_FINISHED
  }

  private final Type type;
  private final Instant at;
  private final int stage;
  private final String region;
  private final String vmId;
  private final String detail;

  /** An event; use -1 and "" for what does not apply. */
  public RolloutEvent(Type type, Instant at, int stage, String region, String vmId, String detail) {
    this.type = Objects.requireNonNull(type);
    this.at = Objects.requireNonNull(at);
    this.stage = stage;
    this.region = Objects.requireNonNull(region);
    this.vmId = Objects.requireNonNull(vmId);
    this.detail = Objects.requireNonNull(detail);
  }

  /** The kind of event. */
  public Type type() {
    return type;
  }

  /** When it happened (scheduler time). */
  public Instant at() {
    return at;
  }

  /** The stage index, or -1. */
  public int stage() {
    return stage;
  }

  /** The region name, or empty. */
  public String region() {
    return region;
  }

  /** The VM's ARM id, or empty. */
  public String vmId() {
    return vmId;
  }

  /** A human-readable detail, or empty. */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return at + " " + type + (stage >= 0 ? " stage " + stage : "") + (region.isEmpty() ? "" : " " + region)
        + (vmId.isEmpty() ? "" : " " + vmId) + (detail.isEmpty() ? "" : ": " + detail);
  }
}
