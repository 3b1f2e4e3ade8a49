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

  public Type type() {
    return type;
  }

  public Instant at() {
    return at;
  }

  public int stage() {
    return stage;
  }

  public String region() {
    return region;
  }

  public String vmId() {
    return vmId;
  }

  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return at + " " + type + (stage >= 0 ? " stage " + stage : "") + (region.isEmpty() ? "" : " " + region)
        + (vmId.isEmpty() ? "" : " " + vmId) + (detail.isEmpty() ? "" : ": " + detail);
  }
}
