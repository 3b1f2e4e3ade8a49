package io.guestpatch.orchestrator.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Faults a {@link SimulatedExecutor} injects (SPEC 4.6): a share of installs that fail, that run past
 * their window (the engine times them out), that never answer, a share of patched VMs that turn
 * unhealthy, and a region where every install fails. Immutable; build with {@link #builder()}.
 */
public final class SimulatedFaults {
  private static final SimulatedFaults NONE = builder().build();

  private final double failureRate;
  private final double unhealthyRate;
  private final double timeoutRate;
  private final double hangRate;
  private final Optional<String> badRegion;

  private SimulatedFaults(Builder b) {
    this.failureRate = b.failureRate;
    this.unhealthyRate = b.unhealthyRate;
    this.timeoutRate = b.timeoutRate;
    this.hangRate = b.hangRate;
    this.badRegion = Optional.ofNullable(b.badRegion);
  }

  /** No faults. */
  public static SimulatedFaults none() {
    return NONE;
  }

  /** A builder with no faults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Share of installs that fail. */
  public double failureRate() {
    return failureRate;
  }

  /** Share of patched VMs that turn unhealthy. */
  public double unhealthyRate() {
    return unhealthyRate;
  }

  /** Share of installs that overrun their window. */
  public double timeoutRate() {
    return timeoutRate;
  }

  /** Share of installs that never answer. */
  public double hangRate() {
    return hangRate;
  }

  /** A region where every install fails. */
  public Optional<String> badRegion() {
    return badRegion;
  }

  /** Builds {@link SimulatedFaults}; checks every rate at once. */
  public static final class Builder {
    private double failureRate;
    private double unhealthyRate;
    private double timeoutRate;
    private double hangRate;
    private String badRegion;

    private Builder() {}

    /** Share of installs that fail, 0..1. */
    public Builder failureRate(double v) {
      failureRate = v;
      return this;
    }

    /** Share of patched VMs that turn unhealthy, 0..1. */
    public Builder unhealthyRate(double v) {
      unhealthyRate = v;
      return this;
    }

    /** Share of installs that overrun their window, 0..1. */
    public Builder timeoutRate(double v) {
      timeoutRate = v;
      return this;
    }

    /** Share of installs that never answer, 0..1. */
    public Builder hangRate(double v) {
      hangRate = v;
      return this;
    }

    /** A region where every install fails. */
    public Builder badRegion(String region) {
      badRegion = region;
      return this;
    }

    /**
     * The faults.
     *
     * @throws IllegalArgumentException naming every rate outside [0, 1]
     */
    public SimulatedFaults build() {
      List<String> bad = new ArrayList<>();
      check(bad, "failureRate", failureRate);
      check(bad, "unhealthyRate", unhealthyRate);
      check(bad, "timeoutRate", timeoutRate);
      check(bad, "hangRate", hangRate);
      if (!bad.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", bad));
      }
      return new SimulatedFaults(this);
    }

    private static void check(List<String> bad, String name, double v) {
      if (!(v >= 0 && v <= 1)) {
        bad.add(name + " must be between 0 and 1, got " + v);
      }
    }
  }
}
