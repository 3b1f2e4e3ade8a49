package io.guestpatch.policy;

import io.guestpatch.model.VirtualMachine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Off-peak windows (W1-W4): a VM's time zone, its daily off-peak window, where an instant stands
 * relative to the windows, and whether an operation fits in one.
 *
 * <pre>{@code
 * OffPeakPolicy policy = OffPeakPolicy.builder()
 *     .regionTimeZones(regions::timeZoneOf)           // region -> zone, e.g. a RegionCatalogue
 *     .defaultWindow(DailyWindow.parse("23:00-05:00"))
 *     .build();
 * Duration needed = policy.requiredTime(12, true);    // 12 patches, may reboot
 * Optional<Instant> at = policy.earliestStart(now, vm, needed);
 * }</pre>
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>W1</b> {@link #timeZoneOf(VirtualMachine)}: the Windows {@code timeZone} mapped with
 *       {@link WindowsTimeZones}; a name CLDR does not know is ignored; else the region's zone from
 *       the configured lookup; else UTC.
 *   <li><b>W2</b> {@link #windowOf(VirtualMachine)}: the VM's window tag (default tag name
 *       {@value #DEFAULT_WINDOW_TAG}, value such as {@code 23:00-04:00}) when present and valid,
 *       else the fleet default ({@link DailyWindow#DEFAULT} unless configured). Daylight saving is
 *       handled as {@link DailyWindow#occurrenceOn} describes: a window never starts in a skipped
 *       hour and no instant belongs to two windows.
 *   <li><b>W3</b> {@link #isOffPeak}, {@link #currentWindow} (the window containing the instant,
 *       whose {@link TimeWindow#end()} is when off-peak ends) and {@link #nextWindow} (the first
 *       window whose start is at or after the instant).
 *   <li><b>W4</b> {@link #requiredTime}, {@link #fits} and {@link #earliestStart}: an operation
 *       starts only where the time left in the window covers it, so it never overruns its window.
 * </ul>
 *
 * <p>Stateless and thread-safe once built; no I/O and no clock: time is always an argument. The W3
 * and W4 queries on a zone and a window allocate only their result; {@link #isOffPeak} allocates
 * nothing beyond java.time's own lookups. Callers on a hot path should resolve
 * {@link #timeZoneOf} and {@link #windowOf} once per VM and use the overloads that take them.
 *
 * <p>Errors: the builder throws {@link IllegalArgumentException} naming every bad argument at
 * once; queries throw it for a negative duration or patch count. Bad VM data (a malformed window
 * tag, an unknown Windows time zone) is never an exception: it falls back as described and
 * {@link #validate(VirtualMachine)} reports it.
 */
public final class OffPeakPolicy {
  /** The default name of the VM tag that holds a per-VM off-peak window. */
  public static final String DEFAULT_WINDOW_TAG = "guestpatch.offPeakHours";

  /** Reason code: the VM's window tag is not a window {@code HH:mm-HH:mm} (W2, warning). */
  public static final String OFF_PEAK_WINDOW_TAG_INVALID = "OFF_PEAK_WINDOW_TAG_INVALID";

  /** Reason code: the Windows {@code timeZone} is not a Windows zone CLDR knows (W1, warning). */
  public static final String WINDOWS_TIME_ZONE_UNKNOWN = "WINDOWS_TIME_ZONE_UNKNOWN";

  /** Reason code: no zone for the VM from Windows or its region, so UTC is used (W1, warning). */
  public static final String REGION_TIME_ZONE_UNKNOWN = "REGION_TIME_ZONE_UNKNOWN";

  /** How far ahead {@link #earliestStart} looks for a window long enough: two years. */
  static final int SEARCH_HORIZON_DAYS = 731;

  private static final Function<String, Optional<ZoneId>> NO_REGIONS = region -> Optional.empty();
  private static final OffPeakPolicy DEFAULTS = new Builder().build();

  private final DailyWindow defaultWindow;
  private final Function<String, Optional<ZoneId>> regionTimeZones;
  private final boolean hasRegionTimeZones;
  private final Duration perPatchDuration;
  private final Duration rebootReserve;
  private final String windowTag;

  private OffPeakPolicy(Builder b) {
    this.defaultWindow = b.defaultWindow;
    this.regionTimeZones = b.regionTimeZones;
    this.hasRegionTimeZones = b.regionTimeZones != NO_REGIONS;
    this.perPatchDuration = b.perPatchDuration;
    this.rebootReserve = b.rebootReserve;
    this.windowTag = b.windowTag;
  }

  /**
   * The policy with every default: window 22:00-06:00, no region zones (so non-Windows VMs are on
   * UTC), 5 minutes per patch, 15 minutes reboot reserve, tag {@value #DEFAULT_WINDOW_TAG}.
   */
  public static OffPeakPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults of {@link #ofDefaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The fleet's default window. */
  public DailyWindow defaultWindow() {
    return defaultWindow;
  }

  /** The time budgeted per patch. */
  public Duration perPatchDuration() {
    return perPatchDuration;
  }

  /** The time reserved for a reboot. */
  public Duration rebootReserve() {
    return rebootReserve;
  }

  /** The name of the VM tag holding a per-VM window. */
  public String windowTag() {
    return windowTag;
  }

  // ---------------------------------------------------------------- W1

  /**
   * The VM's time zone (W1): its Windows {@code timeZone} when CLDR knows it, else its region's
   * zone, else UTC.
   */
  public ZoneId timeZoneOf(VirtualMachine vm) {
    return timeZoneOf(vm.windowsTimeZone(), vm.region());
  }

  /**
   * The time zone for a Windows time zone name (if any) and a region (W1), for callers that keep
   * VM data in their own form.
   */
  public ZoneId timeZoneOf(Optional<String> windowsTimeZone, String region) {
    if (windowsTimeZone.isPresent()) {
      Optional<ZoneId> windows = WindowsTimeZones.toZoneId(windowsTimeZone.get());
      if (windows.isPresent()) {
        return windows.get();
      }
    }
    Optional<ZoneId> regional = regionZone(region);
    return regional.isPresent() ? regional.get() : ZoneOffset.UTC;
  }

  private Optional<ZoneId> regionZone(String region) {
    Optional<ZoneId> zone = regionTimeZones.apply(region);
    // The lookup is the caller's code; tolerate a null answer as "unknown".
    return zone != null ? zone : Optional.empty();
  }

  // ---------------------------------------------------------------- W2

  /** The VM's daily window (W2): its window tag when present and valid, else the fleet default. */
  public DailyWindow windowOf(VirtualMachine vm) {
    String value = tagValue(vm.tags());
    if (value == null) {
      return defaultWindow;
    }
    try {
      return DailyWindow.parse(value);
    } catch (IllegalArgumentException e) {
      return defaultWindow;
    }
  }

  /** The tag's value, matching the name exactly first and then ignoring case as Azure does. */
  private @Nullable String tagValue(Map<String, String> tags) {
    if (tags.isEmpty()) {
      return null;
    }
    String value = tags.get(windowTag);
    if (value != null) {
      return value;
    }
    for (Map.Entry<String, String> e : tags.entrySet()) {
      if (e.getKey().equalsIgnoreCase(windowTag)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * Checks the VM's window tag (W2): a tag that is not a window is a warning
   * ({@value #OFF_PEAK_WINDOW_TAG_INVALID}) naming its value; the fleet default applies.
   */
  public ValidationReport validateWindowTag(VirtualMachine vm) {
    String value = tagValue(vm.tags());
    if (value == null) {
      return ValidationReport.empty();
    }
    try {
      DailyWindow.parse(value);
      return ValidationReport.empty();
    } catch (IllegalArgumentException e) {
      return ValidationReport.of(
          List.of(
              Violation.warning(
                  "tags." + windowTag,
                  OFF_PEAK_WINDOW_TAG_INVALID,
                  "Tag '" + windowTag + "' has value '" + value + "', which is not an off-peak"
                      + " window HH:mm-HH:mm (such as 23:00-04:00); the fleet default "
                      + defaultWindow + " is used. Correct the tag or remove it.")));
    }
  }

  /**
   * Every W1 and W2 finding for the VM, all warnings: a Windows {@code timeZone} CLDR does not
   * know ({@value #WINDOWS_TIME_ZONE_UNKNOWN}); when a region lookup is configured, a VM whose zone
   * comes from neither Windows nor its region and so falls back to UTC
   * ({@value #REGION_TIME_ZONE_UNKNOWN}); a malformed window tag
   * ({@value #OFF_PEAK_WINDOW_TAG_INVALID}).
   */
  public ValidationReport validate(VirtualMachine vm) {
    List<Violation> found = new ArrayList<>(2);
    Optional<String> windowsName = vm.windowsTimeZone();
    boolean windowsKnown = false;
    if (windowsName.isPresent()) {
      windowsKnown = WindowsTimeZones.toZoneId(windowsName.get()).isPresent();
      if (!windowsKnown) {
        found.add(
            Violation.warning(
                "windowsConfiguration.timeZone",
                WINDOWS_TIME_ZONE_UNKNOWN,
                "Windows time zone '" + windowsName.get() + "' is not a Windows zone id known to"
                    + " CLDR (such as 'Pacific Standard Time'); off-peak hours use the region's"
                    + " zone or UTC instead. Set timeZone to a Windows zone id."));
      }
    }
    if (!windowsKnown && hasRegionTimeZones && regionZone(vm.region()).isEmpty()) {
      found.add(
          Violation.warning(
              "location",
              REGION_TIME_ZONE_UNKNOWN,
              "Region '" + vm.region() + "' has no time zone in the region catalogue, so off-peak"
                  + " hours are computed in UTC. Add the region to the catalogue or set a Windows"
                  + " timeZone."));
    }
    return ValidationReport.of(found).plus(validateWindowTag(vm));
  }

  // ---------------------------------------------------------------- W3

  /** Whether the instant is inside an off-peak window of the VM (W3). */
  public boolean isOffPeak(Instant instant, VirtualMachine vm) {
    return isOffPeak(instant, timeZoneOf(vm), windowOf(vm));
  }

  /** Whether the instant is inside an occurrence of the daily window in the zone (W3). */
  public boolean isOffPeak(Instant instant, ZoneId zone, DailyWindow window) {
    ZoneRules rules = zone.getRules();
    long t = instant.getEpochSecond();
    long day = lastStartingAtOrBefore(rules, window, t, instant);
    return t < window.endEpochSecond(rules, day);
  }

  /** The VM's window containing the instant (W3); empty when the instant is not off-peak. */
  public Optional<TimeWindow> currentWindow(Instant instant, VirtualMachine vm) {
    return currentWindow(instant, timeZoneOf(vm), windowOf(vm));
  }

  /**
   * The occurrence of the daily window containing the instant (W3): {@code start <= instant <
   * end}; its {@link TimeWindow#end()} is when off-peak ends. Empty when the instant is not
   * off-peak. An occurrence that crosses midnight belongs to the date it starts on.
   */
  public Optional<TimeWindow> currentWindow(Instant instant, ZoneId zone, DailyWindow window) {
    ZoneRules rules = zone.getRules();
    long t = instant.getEpochSecond();
    long day = lastStartingAtOrBefore(rules, window, t, instant);
    long end = window.endEpochSecond(rules, day);
    if (t >= end) {
      return Optional.empty();
    }
    long start = window.startEpochSecond(rules, day);
    return Optional.of(new TimeWindow(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end)));
  }

  /**
   * The VM's next window starting at or after the instant (W3); see
   * {@link #nextWindow(Instant, ZoneId, DailyWindow)}.
   */
  public TimeWindow nextWindow(Instant instant, VirtualMachine vm) {
    return nextWindow(instant, timeZoneOf(vm), windowOf(vm));
  }

  /**
   * The next window (W3): the first occurrence whose start is at or after the instant ("next
   * start at or after t"). If the instant is exactly a window's start, that window is returned;
   * if the instant is inside a window (after its start), the following window is returned, so
   * the result never starts in the past. Occurrences that daylight saving leaves empty are
   * skipped. Successive calls with a window's end (or any later instant) return later,
   * non-overlapping windows.
   */
  public TimeWindow nextWindow(Instant instant, ZoneId zone, DailyWindow window) {
    ZoneRules rules = zone.getRules();
    long t = instant.getEpochSecond();
    int nano = instant.getNano();
    long day = DailyWindow.localEpochDay(rules, t, instant) - 1;
    // Step back until the occurrence starts strictly before the instant; starts never decrease
    // from one day to the next, so every later day is a candidate in order.
    while (startsAtOrAfter(window.startEpochSecond(rules, day), t, nano)) {
      day--;
    }
    for (day++; ; day++) {
      long start = window.startEpochSecond(rules, day);
      if (startsAtOrAfter(start, t, nano)) {
        long end = window.endEpochSecond(rules, day);
        if (end > start) {
          return new TimeWindow(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
        }
      }
    }
  }

  /** The last local day whose occurrence starts at or before {@code t}. */
  private static long lastStartingAtOrBefore(
      ZoneRules rules, DailyWindow window, long t, Instant instant) {
    // Starting one day ahead covers a clock that falls back across midnight.
    long day = DailyWindow.localEpochDay(rules, t, instant) + 1;
    while (window.startEpochSecond(rules, day) > t) {
      day--;
    }
    return day;
  }

  /** Whether a whole-second start is at or after the instant {@code (t, nano)}. */
  private static boolean startsAtOrAfter(long start, long t, int nano) {
    return start > t || (start == t && nano == 0);
  }

  // ---------------------------------------------------------------- W4

  /**
   * The time to budget for an install (W4): {@code patchCount * perPatchDuration}, plus the reboot
   * reserve when the install may reboot.
   *
   * @throws IllegalArgumentException if patchCount is negative
   */
  public Duration requiredTime(int patchCount, boolean mayReboot) {
    if (patchCount < 0) {
      throw new IllegalArgumentException("patchCount must not be negative, got " + patchCount);
    }
    Duration patches = perPatchDuration.multipliedBy(patchCount);
    return mayReboot ? patches.plus(rebootReserve) : patches;
  }

  /**
   * Whether an operation of length {@code expected} may start at {@code start} in the window
   * (W4): the start is inside the window and {@code start + expected <= window.end()}.
   *
   * @throws IllegalArgumentException if expected is negative
   */
  public boolean fits(Instant start, TimeWindow window, Duration expected) {
    return window.fits(start, expected);
  }

  /**
   * {@link #earliestStart(Instant, ZoneId, DailyWindow, Duration)} for the VM's zone and window.
   */
  public Optional<Instant> earliestStart(Instant from, VirtualMachine vm, Duration expected) {
    return earliestStart(from, timeZoneOf(vm), windowOf(vm), expected);
  }

  /**
   * The earliest instant at or after {@code from} at which an operation of length
   * {@code expected} fits entirely in one occurrence of the window (W4): {@code from} itself when
   * it is off-peak and enough of its window is left, else the start of the first later window
   * that is long enough.
   *
   * <p>Empty when no window can hold the operation: it is longer than the window in a zone
   * without daylight saving, longer than any window can grow, or no window starting in the next
   * two years is long enough (a window longer than its nominal length exists only on nights when
   * clocks go back, so this search looks at those nights only).
   *
   * @throws IllegalArgumentException if expected is negative
   */
  public Optional<Instant> earliestStart(
      Instant from, ZoneId zone, DailyWindow window, Duration expected) {
    if (expected.isNegative()) {
      throw new IllegalArgumentException("expected duration must not be negative, got " + expected);
    }
    ZoneRules rules = zone.getRules();
    long t = from.getEpochSecond();
    long day = lastStartingAtOrBefore(rules, window, t, from);
    long end = window.endEpochSecond(rules, day);
    if (t < end && TimeWindow.fitsBefore(from, Instant.ofEpochSecond(end), expected)) {
      return Optional.of(from);
    }
    long needSeconds = expected.getSeconds() + (expected.getNano() > 0 ? 1 : 0);
    long nominal = window.nominalSeconds();
    if (needSeconds <= nominal) {
      // Any window without a spring-forward change is long enough: scan day by day.
      long lastDay = day + SEARCH_HORIZON_DAYS;
      for (long d = day + 1; d <= lastDay; d++) {
        long start = window.startEpochSecond(rules, d);
        if (window.endEpochSecond(rules, d) - start >= needSeconds) {
          return Optional.of(Instant.ofEpochSecond(start));
        }
      }
      return Optional.empty();
    }
    if (rules.isFixedOffset() || needSeconds > nominal + DailyWindow.SECONDS_PER_DAY) {
      return Optional.empty();
    }
    // Longer than nominal: only occurrences around a fall-back change can hold it.
    Instant horizon = from.plusSeconds((long) SEARCH_HORIZON_DAYS * DailyWindow.SECONDS_PER_DAY);
    long checkedDay = day;
    ZoneOffsetTransition transition = rules.nextTransition(from);
    while (transition != null && transition.getInstant().isBefore(horizon)) {
      if (transition.isOverlap()) {
        Instant at = transition.getInstant();
        long transitionDay = DailyWindow.localEpochDay(rules, at.getEpochSecond(), at);
        for (long d = Math.max(checkedDay + 1, transitionDay - 1); d <= transitionDay + 1; d++) {
          long start = window.startEpochSecond(rules, d);
          if (window.endEpochSecond(rules, d) - start >= needSeconds) {
            return Optional.of(Instant.ofEpochSecond(start));
          }
          checkedDay = d;
        }
      }
      transition = rules.nextTransition(transition.getInstant());
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "OffPeakPolicy[defaultWindow="
        + defaultWindow
        + ", regionTimeZones="
        + (hasRegionTimeZones ? "configured" : "none")
        + ", perPatchDuration="
        + perPatchDuration
        + ", rebootReserve="
        + rebootReserve
        + ", windowTag="
        + windowTag
        + "]";
  }

  /**
   * Builds an {@link OffPeakPolicy}; starts from the defaults. Not thread-safe;
   * {@link #build()} checks every argument at once.
   */
  public static final class Builder {
    private DailyWindow defaultWindow = DailyWindow.DEFAULT;
    private Function<String, Optional<ZoneId>> regionTimeZones = NO_REGIONS;
    private Duration perPatchDuration = Duration.ofMinutes(5);
    private Duration rebootReserve = Duration.ofMinutes(15);
    private String windowTag = DEFAULT_WINDOW_TAG;

    private Builder() {}

    /** The fleet's window for VMs without a valid window tag; default 22:00-06:00. */
    public Builder defaultWindow(DailyWindow window) {
      this.defaultWindow = window;
      return this;
    }

    /**
     * The region-to-zone lookup used when a VM has no known Windows time zone, such as a region
     * catalogue's {@code timeZoneOf}; default none, so such VMs are on UTC. It must be pure and
     * thread-safe.
     */
    public Builder regionTimeZones(Function<String, Optional<ZoneId>> lookup) {
      this.regionTimeZones = lookup;
      return this;
    }

    /** The time budgeted per patch; positive; default 5 minutes. */
    public Builder perPatchDuration(Duration duration) {
      this.perPatchDuration = duration;
      return this;
    }

    /** The time reserved for a reboot; not negative; default 15 minutes. */
    public Builder rebootReserve(Duration duration) {
      this.rebootReserve = duration;
      return this;
    }

    /**
     * The name of the VM tag that holds a per-VM window; not blank; default
     * {@value OffPeakPolicy#DEFAULT_WINDOW_TAG}.
     */
    public Builder windowTag(String tag) {
      this.windowTag = tag;
      return this;
    }

    /**
     * The policy.
     *
     * @throws IllegalArgumentException naming every bad argument, each with what to change
     */
    public OffPeakPolicy build() {
      List<String> problems = new ArrayList<>();
      if (defaultWindow == null) {
        problems.add("defaultWindow must be set, e.g. DailyWindow.parse(\"22:00-06:00\")");
      }
      if (regionTimeZones == null) {
        problems.add("regionTimeZones must be set; leave it unset for none");
      }
      if (perPatchDuration == null) {
        problems.add("perPatchDuration must be set, e.g. PT5M");
      } else if (perPatchDuration.isNegative() || perPatchDuration.isZero()) {
        problems.add("perPatchDuration must be > 0, got " + perPatchDuration);
      }
      if (rebootReserve == null) {
        problems.add("rebootReserve must be set, e.g. PT15M");
      } else if (rebootReserve.isNegative()) {
        problems.add("rebootReserve must be >= 0, got " + rebootReserve);
      }
      if (windowTag == null) {
        problems.add("windowTag must be set, e.g. " + DEFAULT_WINDOW_TAG);
      } else if (windowTag.isBlank()) {
        problems.add("windowTag must not be blank, e.g. " + DEFAULT_WINDOW_TAG);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "invalid OffPeakPolicy: " + String.join("; ", problems));
      }
      return new OffPeakPolicy(this);
    }
  }
}
