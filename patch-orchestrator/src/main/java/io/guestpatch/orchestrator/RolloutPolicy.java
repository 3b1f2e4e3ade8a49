package io.guestpatch.orchestrator;

import io.guestpatch.policy.OffPeakPolicy;
import io.guestpatch.policy.PatchSettingsPolicy;
import io.guestpatch.policy.RegionCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration of planning and rollout: the policies (eligibility, windows, regions) and every
 * threshold of SPEC 4.2 with its default. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <pre>{@code
 * RolloutPolicy policy = RolloutPolicy.builder().failureThreshold(0.05).stageCount(4).build();
 * }</pre>
 */
public final class RolloutPolicy {
  private final RegionCatalogue regions;
  private final PatchSettingsPolicy settings;
  private final OffPeakPolicy offPeak;
  private final double setShare;
  private final int smallSetSize;
  private final double subscriptionShare;
  private final double failureThreshold;
  private final int minFinishedForHalt;
  private final int retryLimit;
  private final int stageCount;
  private final double stageGrowth;
  private final Duration assessmentInterval;
  private final Duration operationTimeoutSlack;
  private final Optional<List<List<String>>> stages;
  private final int planningThreads;

  private RolloutPolicy(Builder b) {
    this.regions = b.regions;
    this.settings = b.settings;
    this.offPeak = b.offPeak != null
        ? b.offPeak
        : OffPeakPolicy.builder().regionTimeZones(b.regions::timeZoneOf).build();
    this.setShare = b.setShare;
    this.smallSetSize = b.smallSetSize;
    this.subscriptionShare = b.subscriptionShare;
    this.failureThreshold = b.failureThreshold;
    this.minFinishedForHalt = b.minFinishedForHalt;
    this.retryLimit = b.retryLimit;
    this.stageCount = b.stageCount;
    this.stageGrowth = b.stageGrowth;
    this.assessmentInterval = b.assessmentInterval;
    this.operationTimeoutSlack = b.operationTimeoutSlack;
    this.stages = b.stages == null ? Optional.empty() : Optional.of(copy(b.stages));
    this.planningThreads = b.planningThreads;
  }

  private static List<List<String>> copy(List<List<String>> stages) {
    List<List<String>> out = new ArrayList<>();
    stages.forEach(s -> out.add(List.copyOf(s)));
    return List.copyOf(out);
  }

  /** The defaults of SPEC 4.2 with the bundled catalogues. */
  public static RolloutPolicy ofDefaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The region catalogue (pairs, time zones). */
  public RegionCatalogue regions() {
    return regions;
  }

  /** The settings and eligibility policy (E-rules). */
  public PatchSettingsPolicy settings() {
    return settings;
  }

  /** The off-peak window policy (W-rules). */
  public OffPeakPolicy offPeak() {
    return offPeak;
  }

  /** The largest share of an availability set in flight at once (I4; default 0.2). */
  public double setShare() {
    return setShare;
  }

  /** Sets smaller than this go one VM at a time (I4; default 10). */
  public int smallSetSize() {
    return smallSetSize;
  }

  /** The largest share of one subscription's non-set VMs of a region in flight at once (I5; default 0.2). */
  public double subscriptionShare() {
    return subscriptionShare;
  }

  /** The failure or unhealthy ratio of a stage above which the rollout halts (I10; default 0.10). */
  public double failureThreshold() {
    return failureThreshold;
  }

  /** The finished installs a stage needs before the halt ratio applies (I10; default 5). */
  public int minFinishedForHalt() {
    return minFinishedForHalt;
  }

  /** How many times a failed or pending install is retried in later windows (I9; default 3). */
  public int retryLimit() {
    return retryLimit;
  }

  /** The number of generated stages, canary included (default 5; more when pairs force it). */
  public int stageCount() {
    return stageCount;
  }

  /** How much each generated stage grows over the one before (default 2.0: doubling). */
  public double stageGrowth() {
    return stageGrowth;
  }

  /** How often each eligible VM is assessed (B1; default 3 days). */
  public Duration assessmentInterval() {
    return assessmentInterval;
  }

  /** How long before its window ends an operation is timed out (default 1 minute). */
  public Duration operationTimeoutSlack() {
    return operationTimeoutSlack;
  }

  /**
   * How many threads index and plan a large fleet: the caller's thread and up to
   * {@code planningThreads - 1} tasks on {@link java.util.concurrent.ForkJoinPool#commonPool()}. The
   * default is the number of processors; 1 keeps all work on the caller's thread. The result never
   * depends on it: an index or plan made with any number of threads equals the one-thread result.
   * Fleets under {@value FleetIndex#PARALLEL_CHUNK} VMs per thread use fewer threads. The policies
   * and any lookup given to them (such as a region time-zone function) are then called from several
   * threads and must be thread-safe, as the bundled ones are.
   */
  public int planningThreads() {
    return planningThreads;
  }

  /** Stages given by the user (region names per stage), when not generated. */
  public Optional<List<List<String>>> stages() {
    return stages;
  }

  /** The largest number of VMs of an availability set of this size in flight at once (I4). */
  public int setCap(int setSize) {
    if (setSize < smallSetSize) {
      return 1;
    }
    return Math.max(1, (int) Math.floor(setShare * setSize));
  }

  /** The largest number of one subscription's non-set VMs of a region in flight at once (I5). */
  public int subscriptionCap(int nonSetVms) {
    return Math.max(1, (int) Math.floor(subscriptionShare * nonSetVms));
  }

  /** Builds a {@link RolloutPolicy}; checks every argument at once. Not thread-safe. */
  public static final class Builder {
    private RegionCatalogue regions = RegionCatalogue.ofDefaults();
    private PatchSettingsPolicy settings = PatchSettingsPolicy.ofDefaults();
    private OffPeakPolicy offPeak;
    private double setShare = 0.2;
    private int smallSetSize = 10;
    private double subscriptionShare = 0.2;
    private double failureThreshold = 0.10;
    private int minFinishedForHalt = 5;
    private int retryLimit = 3;
    private int stageCount = 5;
    private double stageGrowth = 2.0;
    private Duration assessmentInterval = Duration.ofDays(3);
    private Duration operationTimeoutSlack = Duration.ofMinutes(1);
    private List<List<String>> stages;
    private int planningThreads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /** The region catalogue. */
    public Builder regions(RegionCatalogue value) {
      this.regions = value;
      return this;
    }

    /** The settings and eligibility policy. */
    public Builder settings(PatchSettingsPolicy value) {
      this.settings = value;
      return this;
    }

    /** The off-peak policy; by default the policy's defaults with this builder's region time zones. */
    public Builder offPeak(OffPeakPolicy value) {
      this.offPeak = value;
      return this;
    }

    /** I4 share of a set (0 < share <= 1). */
    public Builder setShare(double value) {
      this.setShare = value;
      return this;
    }

    /** I4 small-set size (>= 1). */
    public Builder smallSetSize(int value) {
      this.smallSetSize = value;
      return this;
    }

    /** I5 share of a subscription (0 < share <= 1). */
    public Builder subscriptionShare(double value) {
      this.subscriptionShare = value;
      return this;
    }

    /** I10 failure threshold (0 <= ratio < 1). */
    public Builder failureThreshold(double value) {
      this.failureThreshold = value;
      return this;
    }

    /** I10 minimum finished installs (>= 1). */
    public Builder minFinishedForHalt(int value) {
      this.minFinishedForHalt = value;
      return this;
    }

    /** I9 retry limit (>= 0). */
    public Builder retryLimit(int value) {
      this.retryLimit = value;
      return this;
    }

    /** Generated stage count (>= 1). */
    public Builder stageCount(int value) {
      this.stageCount = value;
      return this;
    }

    /** Generated stage growth (>= 1.0). */
    public Builder stageGrowth(double value) {
      this.stageGrowth = value;
      return this;
    }

    /** B1 assessment interval (positive). */
    public Builder assessmentInterval(Duration value) {
      this.assessmentInterval = value;
      return this;
    }

    /** Slack before a window's end at which operations time out (zero or positive). */
    public Builder operationTimeoutSlack(Duration value) {
      this.operationTimeoutSlack = value;
      return this;
    }

    /** Threads for indexing and planning (>= 1); see {@link RolloutPolicy#planningThreads()}. */
    public Builder planningThreads(int value) {
      this.planningThreads = value;
      return this;
    }

    /** User-given stages: region names per stage, validated against I1 when planning. */
    public Builder stages(List<List<String>> value) {
      this.stages = value;
      return this;
    }

    /**
     * The policy.
     *
     * @throws IllegalArgumentException listing every bad argument
     */
    public RolloutPolicy build() {
      List<String> bad = new ArrayList<>();
      if (!(setShare > 0 && setShare <= 1)) {
        bad.add("setShare must be in (0, 1], got " + setShare);
      }
      if (smallSetSize < 1) {
        bad.add("smallSetSize must be at least 1, got " + smallSetSize);
      }
      if (!(subscriptionShare > 0 && subscriptionShare <= 1)) {
        bad.add("subscriptionShare must be in (0, 1], got " + subscriptionShare);
      }
      if (!(failureThreshold >= 0 && failureThreshold < 1)) {
        bad.add("failureThreshold must be in [0, 1), got " + failureThreshold);
      }
      if (minFinishedForHalt < 1) {
        bad.add("minFinishedForHalt must be at least 1, got " + minFinishedForHalt);
      }
      if (retryLimit < 0) {
        bad.add("retryLimit must not be negative, got " + retryLimit);
      }
      if (stageCount < 1) {
        bad.add("stageCount must be at least 1, got " + stageCount);
      }
      if (!(stageGrowth >= 1.0)) {
        bad.add("stageGrowth must be at least 1.0, got " + stageGrowth);
      }
      if (assessmentInterval == null || assessmentInterval.isNegative() || assessmentInterval.isZero()) {
        bad.add("assessmentInterval must be positive, got " + assessmentInterval);
      }
      if (operationTimeoutSlack == null || operationTimeoutSlack.isNegative()) {
        bad.add("operationTimeoutSlack must not be negative, got " + operationTimeoutSlack);
      }
      if (planningThreads < 1) {
        bad.add("planningThreads must be at least 1, got " + planningThreads);
      }
      if (regions == null || settings == null) {
        bad.add("regions and settings must be given");
      }
      if (!bad.isEmpty()) {
        throw new IllegalArgumentException("invalid rollout policy: " + String.join("; ", bad));
      }
      return new RolloutPolicy(this);
    }
  }
}
