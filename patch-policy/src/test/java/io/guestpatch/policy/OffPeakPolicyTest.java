package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** W1, W2 (per-VM windows), W4 and the builder. */
class OffPeakPolicyTest {
  private static final Map<String, ZoneId> REGIONS =
      Map.of("eastus", ZoneId.of("America/New_York"), "centralindia", ZoneId.of("Asia/Kolkata"));
  private static final OffPeakPolicy POLICY =
      OffPeakPolicy.builder()
          .regionTimeZones(region -> Optional.ofNullable(REGIONS.get(region)))
          .build();

  private static VirtualMachine.Builder vm(String region) {
    return VirtualMachine.builder()
        .id("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1")
        .name("vm1")
        .subscriptionId("s")
        .resourceGroup("rg")
        .region(region)
        .osType(OperatingSystemTypes.LINUX);
  }

  private static VirtualMachine windowsVm(String region, String timeZone) {
    return vm(region)
        .osType(OperatingSystemTypes.WINDOWS)
        .windowsConfiguration(WindowsConfiguration.builder().timeZone(timeZone).build())
        .build();
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  // ---------------------------------------------------------------- W1

  @Test
  @DisplayName("W1: a Windows time zone wins over the region")
  void windowsTimeZoneWins() {
    assertThat(POLICY.timeZoneOf(windowsVm("eastus", "Pacific Standard Time")))
        .isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(POLICY.timeZoneOf(windowsVm("eastus", "GMT Standard Time")))
        .isEqualTo(ZoneId.of("Europe/London"));
    assertThat(POLICY.timeZoneOf(windowsVm("eastus", "india standard time")))
        .isEqualTo(ZoneId.of("Asia/Kolkata"));
  }

  @Test
  @DisplayName("W1: an unknown Windows time zone falls through to the region, then to UTC")
  void unknownWindowsZoneFallsThrough() {
    assertThat(POLICY.timeZoneOf(windowsVm("eastus", "Mars Standard Time")))
        .isEqualTo(ZoneId.of("America/New_York"));
    assertThat(POLICY.timeZoneOf(windowsVm("nowhere", "Mars Standard Time")))
        .isEqualTo(ZoneOffset.UTC);
  }

  @Test
  @DisplayName("W1: without a Windows zone: the region's zone, else UTC; no lookup means UTC")
  void regionThenUtc() {
    assertThat(POLICY.timeZoneOf(vm("centralindia").build())).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThat(POLICY.timeZoneOf(vm("nowhere").build())).isEqualTo(ZoneOffset.UTC);
    assertThat(OffPeakPolicy.ofDefaults().timeZoneOf(vm("eastus").build()))
        .isEqualTo(ZoneOffset.UTC);
    assertThat(POLICY.timeZoneOf(Optional.of("Tokyo Standard Time"), "eastus"))
        .isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(POLICY.timeZoneOf(Optional.empty(), "eastus")).isEqualTo(ZoneId.of("America/New_York"));
  }

  @Test
  @DisplayName("W1: unknown zones are reported as warnings; region warnings only with a lookup")
  void reportsUnknownZones() {
    ValidationReport r = POLICY.validate(windowsVm("nowhere", "Mars Standard Time"));
    assertThat(r.isValid()).isTrue();
    assertThat(r.violations())
        .extracting(Violation::reason)
        .containsExactly(OffPeakPolicy.WINDOWS_TIME_ZONE_UNKNOWN, OffPeakPolicy.REGION_TIME_ZONE_UNKNOWN);
    assertThat(r.violations().get(0).target()).isEqualTo("windowsConfiguration.timeZone");
    assertThat(r.violations().get(0).message()).contains("Mars Standard Time");
    assertThat(POLICY.validate(windowsVm("nowhere", "Pacific Standard Time")).isEmpty()).isTrue();
    assertThat(POLICY.validate(vm("eastus").build()).isEmpty()).isTrue();
    assertThat(OffPeakPolicy.ofDefaults().validate(vm("nowhere").build()).isEmpty()).isTrue();
  }

  // ---------------------------------------------------------------- W2

  @Test
  @DisplayName("W2: the VM's tag overrides the fleet default")
  void tagOverridesDefault() {
    VirtualMachine tagged = vm("eastus").putTags("guestpatch.offPeakHours", "23:00-04:00").build();
    assertThat(POLICY.windowOf(tagged)).isEqualTo(DailyWindow.parse("23:00-04:00"));
    assertThat(POLICY.validateWindowTag(tagged).isEmpty()).isTrue();
    VirtualMachine otherCase = vm("eastus").putTags("GuestPatch.OffPeakHours", "01:00-03:00").build();
    assertThat(POLICY.windowOf(otherCase)).isEqualTo(DailyWindow.parse("01:00-03:00"));
    assertThat(POLICY.windowOf(vm("eastus").build())).isEqualTo(DailyWindow.DEFAULT);
    // The tag drives W3 for the VM: 23:00-04:00 New York time.
    assertThat(POLICY.isOffPeak(at("2024-01-16T03:30:00Z"), tagged)).isFalse(); // 22:30 EST
    assertThat(POLICY.isOffPeak(at("2024-01-16T04:00:00Z"), tagged)).isTrue(); // 23:00 EST
  }

  @Test
  @DisplayName("W2: a malformed tag is a warning naming it, and the fleet default applies")
  void malformedTagWarns() {
    OffPeakPolicy custom =
        OffPeakPolicy.builder()
            .defaultWindow(DailyWindow.parse("21:00-05:00"))
            .windowTag("offpeak")
            .build();
    VirtualMachine bad = vm("eastus").putTags("offpeak", "late evening").build();
    assertThat(custom.windowOf(bad)).isEqualTo(DailyWindow.parse("21:00-05:00"));
    ValidationReport report = custom.validateWindowTag(bad);
    assertThat(report.isValid()).isTrue();
    assertThat(report.violations()).hasSize(1);
    Violation v = report.violations().get(0);
    assertThat(v.reason()).isEqualTo(OffPeakPolicy.OFF_PEAK_WINDOW_TAG_INVALID);
    assertThat(v.severity()).isEqualTo(Severity.WARNING);
    assertThat(v.target()).isEqualTo("tags.offpeak");
    assertThat(v.message()).contains("'late evening'").contains("21:00-05:00");
    assertThat(custom.validate(bad).hasReason(OffPeakPolicy.OFF_PEAK_WINDOW_TAG_INVALID)).isTrue();
  }

  // ---------------------------------------------------------------- W4

  @Test
  @DisplayName("W4: required time is 5 minutes per patch plus a 15-minute reboot reserve")
  void requiredTime() {
    OffPeakPolicy p = OffPeakPolicy.ofDefaults();
    assertThat(p.requiredTime(0, false)).isEqualTo(Duration.ZERO);
    assertThat(p.requiredTime(3, false)).isEqualTo(Duration.ofMinutes(15));
    assertThat(p.requiredTime(3, true)).isEqualTo(Duration.ofMinutes(30));
    OffPeakPolicy q =
        OffPeakPolicy.builder()
            .perPatchDuration(Duration.ofMinutes(2))
            .rebootReserve(Duration.ZERO)
            .build();
    assertThat(q.requiredTime(10, true)).isEqualTo(Duration.ofMinutes(20));
    assertThatThrownBy(() -> p.requiredTime(-1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("patchCount");
  }

  @Test
  @DisplayName("W4: fits needs the start inside the window and the end at or before its end")
  void fits() {
    TimeWindow w = TimeWindow.of(at("2024-01-15T22:00:00Z"), at("2024-01-16T06:00:00Z"));
    OffPeakPolicy p = OffPeakPolicy.ofDefaults();
    assertThat(p.fits(at("2024-01-15T22:00:00Z"), w, Duration.ofHours(8))).isTrue();
    assertThat(p.fits(at("2024-01-15T22:00:00Z"), w, Duration.ofHours(8).plusNanos(1))).isFalse();
    assertThat(p.fits(at("2024-01-16T05:00:00Z"), w, Duration.ofHours(1))).isTrue();
    assertThat(p.fits(at("2024-01-16T05:00:00.5Z"), w, Duration.ofHours(1))).isFalse();
    assertThat(p.fits(at("2024-01-16T05:59:59.5Z"), w, Duration.ofMillis(500))).isTrue();
    assertThat(p.fits(at("2024-01-16T06:00:00Z"), w, Duration.ZERO)).isFalse();
    assertThat(p.fits(at("2024-01-15T21:59:59Z"), w, Duration.ofMinutes(1))).isFalse();
  }

  @Test
  @DisplayName("W4: earliestStart is now when the window has room, else the next window")
  void earliestStartWithinOrNext() {
    OffPeakPolicy p = OffPeakPolicy.ofDefaults();
    ZoneId utc = ZoneOffset.UTC;
    DailyWindow night = DailyWindow.DEFAULT;
    assertThat(p.earliestStart(at("2024-01-16T05:00:00Z"), utc, night, Duration.ofHours(1)))
        .contains(at("2024-01-16T05:00:00Z"));
    // 30 minutes left, 1 hour needed: wait for tonight's window.
    assertThat(p.earliestStart(at("2024-01-16T05:30:00Z"), utc, night, Duration.ofHours(1)))
        .contains(at("2024-01-16T22:00:00Z"));
    // Outside any window: the next start.
    assertThat(p.earliestStart(at("2024-01-16T12:00:00Z"), utc, night, Duration.ofMinutes(20)))
        .contains(at("2024-01-16T22:00:00Z"));
    assertThat(p.earliestStart(at("2024-01-16T12:00:00Z"), utc, night, Duration.ofHours(8)))
        .contains(at("2024-01-16T22:00:00Z"));
    assertThat(p.earliestStart(at("2024-01-16T03:00:00Z"), utc, night, Duration.ZERO))
        .contains(at("2024-01-16T03:00:00Z"));
  }

  @Test
  @DisplayName("W4: an operation longer than any window never fits")
  void earliestStartEmptyWhenTooLong() {
    OffPeakPolicy p = OffPeakPolicy.ofDefaults();
    Instant from = at("2024-01-16T12:00:00Z");
    assertThat(p.earliestStart(from, ZoneOffset.UTC, DailyWindow.DEFAULT, Duration.ofHours(9)))
        .isEmpty();
    assertThat(p.earliestStart(from, ZoneId.of("Asia/Kolkata"), DailyWindow.DEFAULT,
            Duration.ofHours(8).plusSeconds(1)))
        .isEmpty();
    assertThat(p.earliestStart(from, ZoneId.of("America/New_York"), DailyWindow.DEFAULT,
            Duration.ofHours(10)))
        .isEmpty();
    assertThat(p.earliestStart(from, ZoneId.of("America/New_York"), DailyWindow.DEFAULT,
            Duration.ofDays(3)))
        .isEmpty();
  }

  @Test
  @DisplayName("W4: an operation that needs the long fall-back night waits for it")
  void earliestStartFindsFallBackNight() {
    OffPeakPolicy p = OffPeakPolicy.ofDefaults();
    ZoneId ny = ZoneId.of("America/New_York");
    assertThat(p.earliestStart(at("2024-06-01T00:00:00Z"), ny, DailyWindow.DEFAULT,
            Duration.ofHours(8).plusMinutes(30)))
        .contains(at("2024-11-03T02:00:00Z"));
    // The 7-hour spring-forward night is skipped for an 8-hour job.
    assertThat(p.earliestStart(at("2024-03-09T12:00:00Z"), ny, DailyWindow.DEFAULT,
            Duration.ofHours(8)))
        .contains(at("2024-03-11T02:00:00Z"));
  }

  @Test
  @DisplayName("W4: earliestStart on a VM uses its zone and window")
  void earliestStartForVm() {
    VirtualMachine vm = windowsVm("eastus", "India Standard Time");
    assertThat(POLICY.earliestStart(at("2024-01-16T12:00:00Z"), vm, POLICY.requiredTime(4, true)))
        .contains(at("2024-01-16T16:30:00Z"));
    assertThat(POLICY.nextWindow(at("2024-01-16T12:00:00Z"), vm))
        .isEqualTo(TimeWindow.of(at("2024-01-16T16:30:00Z"), at("2024-01-17T00:30:00Z")));
    assertThat(POLICY.currentWindow(at("2024-01-16T17:00:00Z"), vm)).isPresent();
  }

  @Test
  void rejectsNegativeExpected() {
    assertThatThrownBy(
            () ->
                POLICY.earliestStart(
                    at("2024-01-16T12:00:00Z"), ZoneOffset.UTC, DailyWindow.DEFAULT,
                    Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected");
  }

  // ---------------------------------------------------------------- builder

  @Test
  @DisplayName("the builder reports every bad argument at once")
  void builderChecksEveryArgument() {
    assertThatThrownBy(
            () ->
                OffPeakPolicy.builder()
                    .perPatchDuration(Duration.ZERO)
                    .rebootReserve(Duration.ofMinutes(-1))
                    .windowTag(" ")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perPatchDuration must be > 0")
        .hasMessageContaining("rebootReserve must be >= 0")
        .hasMessageContaining("windowTag must not be blank");
  }

  @Test
  void defaults() {
    OffPeakPolicy p = OffPeakPolicy.ofDefaults();
    assertThat(p.defaultWindow()).isEqualTo(DailyWindow.DEFAULT);
    assertThat(p.perPatchDuration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.rebootReserve()).isEqualTo(Duration.ofMinutes(15));
    assertThat(p.windowTag()).isEqualTo("guestpatch.offPeakHours");
  }
}
