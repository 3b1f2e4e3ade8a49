package io.guestpatch.orchestrator;

import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.VMGuestPatchClassificationLinux;
import io.guestpatch.model.VMGuestPatchClassificationWindows;
import io.guestpatch.model.VMGuestPatchRebootSetting;
import io.guestpatch.model.LinuxParameters;
import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.VirtualMachineInstallPatchesResult;
import io.guestpatch.model.WindowsParameters;
import io.guestpatch.orchestrator.event.RolloutEvent;
import io.guestpatch.orchestrator.event.RolloutListener;
import io.guestpatch.orchestrator.internal.IndexedExecutor;
import io.guestpatch.orchestrator.internal.IntList;
import io.guestpatch.orchestrator.internal.WindowCalendar;
import io.guestpatch.orchestrator.spi.HealthSource;
import io.guestpatch.orchestrator.spi.PatchExecutor;
import io.guestpatch.orchestrator.spi.PowerStateSource;
import io.guestpatch.orchestrator.spi.RolloutStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Plan} through a cycle (SPEC 4.1-4.3): one deterministic state machine driven by a
 * {@link Scheduler}, the same on a real clock and in virtual time.
 *
 * <p>At every instant it keeps I1-I6 and I9-I10 by admission control: an install starts only when its
 * VM's stage is released (I2), no paired region and no other stage has installs in flight (I1, I2), its
 * region has no other zone in flight (I3), its availability set no other update domain and fewer than
 * the set's cap in flight (I4), its subscription fewer than its cap (I5), and the rest of the VM's
 * off-peak window covers the expected duration plus the reboot reserve (I6, W4). Only eligible VMs are
 * planned (I8) and only Critical and Security patches requested (I7). Failed, timed-out and pending
 * installs are retried in the VM's next window up to the retry limit; a succeeded VM is never installed
 * again (I9, B8: the store is replayed on start; an install journalled as started but not finished is
 * settled from the executor's {@code lastInstallation} before it may run again). A VM whose platform
 * patching is not enabled yet is enabled in its off-peak window before its first install (B3). A stage whose failure or unhealthy ratio passes the
 * threshold halts everything until {@link #resume()} or {@link #cancel()} (I10).
 *
 * <p>Not thread-safe: call it from the scheduler's thread, or through {@link Scheduler#execute}.
 */
public final class RolloutEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutEngine.class);

  /** A VM's state in the cycle. */
  public enum VmState {
    INELIGIBLE, WAITING_FOR_STAGE, WAITING, IN_FLIGHT, SUCCEEDED, RETRY_PENDING, FAILED, POWERED_OFF
  }

  private static final byte WAIT_NONE = 0;
  private static final byte WAIT_WINDOW = 1;
  private static final byte WAIT_ZONE = 2;
  private static final byte WAIT_UD = 3;
  private static final byte WAIT_SET_CAP = 4;
  private static final byte WAIT_SUBSCRIPTION = 5;
  private static final byte WAIT_PAIR = 6;
  private static final byte WAIT_OTHER_STAGE = 7;
  private static final byte WAIT_HALTED = 8;
  private static final byte WAIT_PAUSED = 9;
  private static final byte WAIT_NO_WINDOW = 10;
  private static final byte WAIT_IN_DOUBT = 11;
  private static final byte WAIT_ENABLING = 12;

  /** Enablement (B3) per VM: done (or not needed), needed, or in flight. */
  private static final byte ENABLE_DONE = 0;
  private static final byte ENABLE_NEEDED = 1;
  private static final byte ENABLE_IN_FLIGHT = 2;

  /** How many windows an in-doubt VM whose last installation stays {@code InProgress} is polled (B8). */
  static final int IN_DOUBT_POLLS = 3;

  /** How long to wait before asking again about an in-doubt install outside any window. */
  static final long IN_DOUBT_POLL_SECONDS = 1800;

  private final Plan plan;
  private final FleetIndex index;
  private final RolloutPolicy policy;
  private final Scheduler scheduler;
  private final PatchExecutor executor;
  private final HealthSource health;
  private final PowerStateSource power;
  private final RolloutStore store;
  private final List<RolloutListener> listeners;
  private final TraceWriter trace;
  private final IntToLongFunction expectedSeconds;
  private final boolean periodicAssessment;

  // per VM
  private final VmState[] state;
  private final byte[] attempts;
  private final byte[] waitReason;
  private final int[] batchOf;
  private final int[] subRegion;
  private final int[] calendarOf;
  private final long[] startedAt;
  private final long[] attemptToken;
  private final long[] lastAssessed;
  private final byte[] enableState;
  // B4 patchStatus, packed (see patchStatus(int)): 16 bytes per VM beside lastAssessed and startedAt.
  private final int[] assessPacked;
  private final long[] installPacked;
  private final int[] installSeconds;
  // per region
  private final int[] regionInFlight;
  private final int[] regionZone;
  private final int[] regionZoneCount;
  private final int[] regionBatchCursor;
  private final int[] regionBatchPending;
  private final RegionPlan[] regionPlans;
  private final List<IntList> regionWaiting;
  private final int[][] pairs;
  // per set
  private final int[] setInFlight;
  private final int[] setUd;
  private final int[] setCap;
  // per (subscription, region)
  private final int[] subInFlight;
  private final int[] subCap;
  // per stage
  private final int stageCount;
  private final int[] stageTarget;
  private final int[] stageSettled;
  private final int[] stageFinished;
  private final int[] stageFailed;
  private final int[] stagePatched;
  private final long[] stageStart;
  private final long[] stageGate;
  private final boolean[] stageReleased;
  private final long stageBudgetSeconds;
  private int activeStage = -1;
  private int activeStageInFlight;
  // windows
  private final WindowCalendar[] calendars;
  // control
  private boolean paused;
  private boolean cancelled;
  private String haltReason = "";
  private boolean started;
  /**
   * B8: VMs whose install was journalled as started but not finished when the engine was killed, mapped
   * to {journalled start (epoch s), polls so far, 1 while a query is out}. Only such VMs have an entry
   * (at most the installs in flight at the kill), so the map is empty in a run without a restart.
   */
  private final Map<Integer, long[]> inDoubt = new HashMap<>();
  private long installsStarted;
  private long installsFinished;
  private final VirtualMachineInstallPatchesParameters windowsParams;
  private final VirtualMachineInstallPatchesParameters linuxParams;

  private RolloutEngine(Builder b) {
    this.plan = b.plan;
    this.index = b.plan.index();
    this.policy = b.policy;
    this.scheduler = b.scheduler;
    this.executor = b.executor;
    this.health = b.health;
    this.power = b.power;
    this.store = b.store;
    this.listeners = List.copyOf(b.listeners);
    this.trace = b.trace;
    this.periodicAssessment = b.periodicAssessment;
    if (b.expectedSeconds != null) {
      this.expectedSeconds = b.expectedSeconds;
    } else {
      long fourPatches = policy.offPeak().requiredTime(4, true).getSeconds();
      this.expectedSeconds = vm -> fourPatches;
    }
    int n = index.size();
    state = new VmState[n];
    attempts = new byte[n];
    waitReason = new byte[n];
    batchOf = new int[n];
    startedAt = new long[n];
    attemptToken = new long[n];
    lastAssessed = new long[n];
    enableState = new byte[n];
    assessPacked = new int[n];
    installPacked = new long[n];
    installSeconds = new int[n];
    java.util.Arrays.fill(batchOf, -1);
    int regions = index.regionCount();
    regionInFlight = new int[regions];
    regionZone = new int[regions];
    java.util.Arrays.fill(regionZone, -1);
    regionZoneCount = new int[regions];
    regionBatchCursor = new int[regions];
    regionBatchPending = new int[regions];
    regionPlans = new RegionPlan[regions];
    regionWaiting = new ArrayList<>(regions);
    for (int r = 0; r < regions; r++) {
      regionWaiting.add(new IntList(4));
    }
    pairs = new int[regions][];
    Map<String, Integer> regionIds = new HashMap<>();
    for (int r = 0; r < regions; r++) {
      regionIds.put(index.regionNames[r].toLowerCase(java.util.Locale.ROOT), r);
    }
    for (int r = 0; r < regions; r++) {
      IntList p = new IntList(2);
      for (String other : policy.regions().pairedWith(index.regionNames[r])) {
        Integer id = regionIds.get(other);
        if (id != null) {
          p.add(id);
        }
      }
      pairs[r] = p.toArray();
    }
    setInFlight = new int[index.setCount()];
    setUd = new int[index.setCount()];
    java.util.Arrays.fill(setUd, Integer.MIN_VALUE);
    setCap = new int[index.setCount()];
    for (int s = 0; s < setCap.length; s++) {
      setCap[s] = policy.setCap(index.setSize[s]);
    }
    // I5 budgets per (subscription, region) pair, numbered by the index.
    subRegion = index.subscriptionRegion;
    subInFlight = new int[index.nonSetCount.length];
    subCap = new int[index.nonSetCount.length];
    for (int g = 0; g < subCap.length; g++) {
      subCap[g] = policy.subscriptionCap(index.nonSetCount[g]);
    }
    // Window calendars per (time zone, window).
    Map<Long, Integer> calIds = new HashMap<>();
    List<WindowCalendar> cals = new ArrayList<>();
    calendarOf = new int[n];
    Instant from = plan.cycle().release().minus(Duration.ofDays(1));
    Instant until = plan.cycle().deadline().plus(Duration.ofDays(2));
    for (int vm = 0; vm < n; vm++) {
      long key = ((long) index.timeZone[vm] << 32) | index.window[vm];
      Integer id = calIds.get(key);
      if (id == null) {
        id = cals.size();
        calIds.put(key, id);
        cals.add(new WindowCalendar(index.timeZone(vm), index.offPeakWindow(vm), from, until));
      }
      calendarOf[vm] = id;
    }
    calendars = cals.toArray(new WindowCalendar[0]);
    // Stages.
    stageCount = plan.stages().size();
    stageTarget = new int[stageCount];
    stageSettled = new int[stageCount];
    stageFinished = new int[stageCount];
    stageFailed = new int[stageCount];
    stagePatched = new int[stageCount];
    stageStart = new long[stageCount];
    stageGate = new long[stageCount];
    stageReleased = new boolean[stageCount];
    java.util.Arrays.fill(stageStart, -1);
    java.util.Arrays.fill(stageGate, -1);
    stageBudgetSeconds = stageCount == 0 ? 0 : plan.cycle().length().getSeconds() / stageCount;
    for (int vm = 0; vm < n; vm++) {
      state[vm] = index.isEligible(vm) ? VmState.WAITING_FOR_STAGE : VmState.INELIGIBLE;
      enableState[vm] = index.isEligible(vm) && !index.isEnabled(vm) ? ENABLE_NEEDED : ENABLE_DONE;
    }
    for (Stage s : plan.stages()) {
      for (RegionPlan r : s.regions()) {
        regionPlans[r.regionId()] = r;
        stageTarget[s.index()] += r.vms();
        for (Batch batch : r.batches()) {
          for (int i = 0; i < batch.size(); i++) {
            batchOf[batch.vm(i)] = batch.index();
          }
        }
      }
    }
    windowsParams = VirtualMachineInstallPatchesParameters.builder()
        .rebootSetting(VMGuestPatchRebootSetting.IF_REQUIRED)
        .windowsParameters(WindowsParameters.builder()
            .addClassificationsToInclude(VMGuestPatchClassificationWindows.CRITICAL, VMGuestPatchClassificationWindows.SECURITY)
            .build())
        .build();
    linuxParams = VirtualMachineInstallPatchesParameters.builder()
        .rebootSetting(VMGuestPatchRebootSetting.IF_REQUIRED)
        .linuxParameters(LinuxParameters.builder()
            .addClassificationsToInclude(VMGuestPatchClassificationLinux.CRITICAL, VMGuestPatchClassificationLinux.SECURITY)
            .build())
        .build();
  }

  /** A builder for an engine running this plan. */
  public static Builder builder(Plan plan) {
    return new Builder(plan);
  }

  // ---- control --------------------------------------------------------------------------------

  /**
   * Starts the cycle: replays the store (VMs already settled are not touched again) and releases the
   * first stage at the cycle's release instant (or now, if later).
   */
  public void start() {
    if (started) {
      throw new IllegalStateException("the rollout was already started");
    }
    started = true;
    replay();
    holdInDoubt();
    Instant at = later(plan.cycle().release(), scheduler.now());
    emit(RolloutEvent.Type.CYCLE_STARTED, -1, "", "", plan.cycle().label());
    // After a restart, stages are re-released in order and their gates pass again from the replayed states.
    scheduler.schedule(at, () -> releaseStage(0));
    scheduler.schedule(plan.cycle().deadline(), this::deadlineReached);
    for (int vm = 0; vm < index.size(); vm++) {
      if (enableState[vm] == ENABLE_NEEDED && state[vm] != VmState.SUCCEEDED && state[vm] != VmState.FAILED) {
        scheduleEnable(vm, at.getEpochSecond());
      }
    }
    if (periodicAssessment) {
      scheduleAssessments();
    }
  }

  // ---- periodic assessment (B1) -----------------------------------------------------------------

  private int[][] calendarMembers;

  /**
   * Every eligible VM is assessed every {@code assessmentInterval} days at the start of its off-peak
   * window (phase spread by VM number), so several times per cycle. A powered-off VM is skipped; one
   * that was off when its batch ran and runs again is caught up (B1, I2).
   */
  private void scheduleAssessments() {
    int days = (int) Math.max(1, policy.assessmentInterval().toDays());
    IntList[] members = new IntList[calendars.length];
    for (int c = 0; c < members.length; c++) {
      members[c] = new IntList(16);
    }
    for (int vm = 0; vm < index.size(); vm++) {
      if (index.isEligible(vm)) {
        members[calendarOf[vm]].add(vm);
      }
    }
    calendarMembers = new int[calendars.length][];
    long from = plan.cycle().release().getEpochSecond();
    long until = plan.cycle().deadline().getEpochSecond();
    for (int c = 0; c < calendars.length; c++) {
      calendarMembers[c] = members[c].toArray();
      if (calendarMembers[c].length == 0) {
        continue;
      }
      int day = 0;
      for (long start : calendars[c].starts()) {
        if (start < from || start >= until) {
          continue;
        }
        int phase = day++ % days;
        int cal = c;
        scheduler.schedule(Instant.ofEpochSecond(start), () -> assessSweep(cal, phase, days));
      }
    }
  }

  private void assessSweep(int calendar, int phase, int days) {
    if (cancelled) {
      return;
    }
    Instant now = scheduler.now();
    for (int vm : calendarMembers[calendar]) {
      if (vm % days != phase) {
        continue;
      }
      if (!running(vm)) {
        continue;
      }
      if (state[vm] == VmState.POWERED_OFF) {
        vmRunning(vm);
      }
      assess(vm);
    }
  }

  /**
   * Assesses a VM by its ARM id now (B2), eligible or not: never installs, and leaves the VM's rollout
   * state as it is; the result goes to the trace and the VM's patch status. Looks the id up with
   * {@link FleetIndex#indexOf} (a scan of the fleet; meant for operators, not for hot loops).
   *
   * @throws IllegalArgumentException when no VM of the plan's fleet has this id (ignoring case)
   */
  public void assess(String vmId) {
    Objects.requireNonNull(vmId, "vmId");
    int vm = index.indexOf(vmId);
    if (vm < 0) {
      throw new IllegalArgumentException("vmId " + vmId + " is not in the plan's fleet; pass the ARM id of an indexed VM");
    }
    assess(vm);
  }

  /**
   * Assesses a VM now (B2): never installs; the result goes to the trace and the VM's patch status.
   */
  public void assess(int vm) {
    Objects.checkIndex(vm, index.size());
    long start = scheduler.now().getEpochSecond();
    CompletableFuture<io.guestpatch.model.VirtualMachineAssessPatchesResult> f;
    try { // as call(), written out: this runs millions of times per simulated cycle
      f = executor.assess(index.ids[vm]);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    assessmentsStarted++;
    if (f.isDone()) {
      // Answered at once (no task, no lambda: millions per simulated cycle). A simulated executor says
      // how long it stands for; anything else took no time.
      long seconds = executor instanceof IndexedExecutor ? ((IndexedExecutor) executor).assessSeconds(vm) : 0;
      assessed(vm, start, start + seconds, f);
    } else {
      CompletableFuture<io.guestpatch.model.VirtualMachineAssessPatchesResult> pending = f;
      whenAnswered(pending, () -> assessed(vm, start, scheduler.now().getEpochSecond(), pending));
    }
  }

  private long assessmentsStarted;

  private void assessed(int vm, long start, long end,
      CompletableFuture<io.guestpatch.model.VirtualMachineAssessPatchesResult> f) {
    PatchOperationStatus status;
    int packed;
    try {
      io.guestpatch.model.VirtualMachineAssessPatchesResult r = f.join();
      status = r.status().orElse(PatchOperationStatus.UNKNOWN);
      packed = statusCode(status) | (r.rebootPending().orElse(false) ? 1 << 3 : 0)
          | clamp(r.criticalAndSecurityPatchCount().orElse(0), 0x3FFF) << 4
          | clamp(r.otherPatchCount().orElse(0), 0x3FFF) << 18;
    } catch (RuntimeException e) {
      status = PatchOperationStatus.FAILED;
      packed = statusCode(status);
    }
    assessPacked[vm] = packed;
    lastAssessed[vm] = start;
    traceAssessment(vm, start, end, status);
  }

  private boolean running(int vm) {
    return power instanceof io.guestpatch.orchestrator.internal.IndexedPowerState
        ? ((io.guestpatch.orchestrator.internal.IndexedPowerState) power).isRunning(vm, scheduler.now().getEpochSecond())
        : power.isRunning(index.ids[vm], scheduler.now());
  }

  /** The number of assessments started. */
  public long assessmentsStarted() {
    return assessmentsStarted;
  }

  /** Pauses: no new install starts; those in flight finish (B5). */
  public void pause() {
    if (!paused) {
      paused = true;
      emit(RolloutEvent.Type.PAUSED, -1, "", "", "");
      journal("PAUSE");
    }
  }

  /** Resumes after a pause or a health halt; waiting VMs are reconsidered at once (B5, I10). */
  public void resume() {
    boolean wasHalted = !haltReason.isEmpty();
    if (paused || wasHalted) {
      paused = false;
      haltReason = "";
      for (int s = 0; s < stageCount; s++) {
        stageFinished[s] = 0;
        stageFailed[s] = 0;
      }
      emit(RolloutEvent.Type.RESUMED, -1, "", "", wasHalted ? "after a halt" : "after a pause");
      journal("RESUME");
      retryAllWaiting();
    }
  }

  /** Cancels: nothing new starts, ever, in this cycle (B5). */
  public void cancel() {
    if (!cancelled) {
      cancelled = true;
      emit(RolloutEvent.Type.CANCELLED, -1, "", "", "");
      journal("CANCEL");
    }
  }

  /** Whether the rollout is halted by the health rule (I10). */
  public boolean isHalted() {
    return !haltReason.isEmpty();
  }

  /** Why the rollout halted, when it did. */
  public Optional<String> haltReason() {
    return haltReason.isEmpty() ? Optional.empty() : Optional.of(haltReason);
  }

  /** Whether paused. */
  public boolean isPaused() {
    return paused;
  }

  /** Whether cancelled. */
  public boolean isCancelled() {
    return cancelled;
  }

  // ---- stages ---------------------------------------------------------------------------------

  private void releaseStage(int s) {
    if (s >= stageCount || stageReleased[s]) {
      return;
    }
    stageReleased[s] = true;
    stageStart[s] = scheduler.now().getEpochSecond();
    Stage stage = plan.stages().get(s);
    emit(RolloutEvent.Type.STAGE_STARTED, s, "", "", String.join(",", stage.regionNames()));
    scheduler.schedule(scheduler.now().plusSeconds(stageBudgetSeconds), () -> checkGate(s, true));
    for (RegionPlan r : stage.regions()) {
      releaseNextBatch(r.regionId());
    }
    checkGate(s, false);
  }

  private void releaseNextBatch(int region) {
    RegionPlan r = regionPlans[region];
    while (regionBatchCursor[region] < r.batches().size()) {
      Batch batch = r.batches().get(regionBatchCursor[region]++);
      int pending = 0;
      for (int i = 0; i < batch.size(); i++) {
        int vm = batch.vm(i);
        if (state[vm] == VmState.WAITING_FOR_STAGE) {
          if (!running(vm)) {
            state[vm] = VmState.POWERED_OFF;
            settle(vm);
            continue;
          }
          state[vm] = VmState.WAITING;
          pending++;
          scheduleTry(vm, scheduler.now().getEpochSecond());
        }
      }
      if (pending > 0) {
        regionBatchPending[region] = pending;
        emit(RolloutEvent.Type.BATCH_STARTED, r.stage(), r.region(), "",
            "batch " + batch.index() + " of " + r.batches().size() + ", " + pending + " VMs");
        return;
      }
    }
    regionBatchPending[region] = 0;
  }

  private void checkGate(int s, boolean budgetSpent) {
    if (s >= stageCount || !stageReleased[s] || stageGate[s] >= 0) {
      return;
    }
    boolean settled = stageSettled[s] >= stageTarget[s];
    if (!settled && !budgetSpent) {
      return;
    }
    if (isHalted() || cancelled) {
      return;
    }
    if (overThreshold(s)) {
      double ratio = failureRatio(s);
      emit(RolloutEvent.Type.GATE_BLOCKED, s, "", "", String.format(java.util.Locale.ROOT,
          "failure ratio %.3f above %.3f", ratio, policy.failureThreshold()));
      halt(s, ratio);
      return;
    }
    stageGate[s] = scheduler.now().getEpochSecond();
    emit(RolloutEvent.Type.GATE_PASSED, s, "", "",
        settled ? "every running eligible VM settled" : "stage time budget spent");
    if (!settled) {
      emit(RolloutEvent.Type.DEADLINE_AT_RISK, s, "", "", "stage " + s + "'s time budget ran out with "
          + (stageTarget[s] - stageSettled[s]) + " of its VMs not settled; they are patched later if time allows");
    } else if (!listeners.isEmpty()) {
      RolloutProgress now = progress();
      if (now.deadlineAtRisk()) {
        emit(RolloutEvent.Type.DEADLINE_AT_RISK, s, "", "", "at the pace so far the cycle ends "
            + now.forecast().map(Instant::toString).orElse("?") + ", after its deadline " + plan.cycle().deadline());
      }
    }
    journal("GATE " + s);
    if (s + 1 < stageCount) {
      releaseStage(s + 1);
    } else {
      emit(RolloutEvent.Type.CYCLE_FINISHED, s, "", "", "");
    }
  }

  private void halt(int s, double ratio) {
    if (isHalted()) {
      return;
    }
    haltReason = String.format(java.util.Locale.ROOT,
        "stage %d: %d of %d finished installs failed or turned unhealthy (%.1f%%, threshold %.1f%%)",
        s, stageFailed[s], stageFinished[s], 100 * ratio, 100 * policy.failureThreshold());
    emit(RolloutEvent.Type.HALTED, s, "", "", haltReason);
    journal("HALT " + s);
  }

  /** The stage's failed or unhealthy share of its finished installs (I10); 0 before any finished. */
  private double failureRatio(int s) {
    return stageFinished[s] == 0 ? 0 : (double) stageFailed[s] / stageFinished[s];
  }

  /** Whether enough of the stage's installs finished and too many of them failed (I10). */
  private boolean overThreshold(int s) {
    return stageFinished[s] >= policy.minFinishedForHalt() && failureRatio(s) > policy.failureThreshold();
  }

  /** Halts when the stage's installs pass the failure threshold (I10). */
  private void haltIfOverThreshold(int s) {
    if (overThreshold(s)) {
      halt(s, failureRatio(s));
    }
  }

  private void deadlineReached() {
    int open = 0;
    for (int vm = 0; vm < index.size(); vm++) {
      if (state[vm] == VmState.WAITING || state[vm] == VmState.WAITING_FOR_STAGE || state[vm] == VmState.RETRY_PENDING) {
        open++;
      }
    }
    if (open > 0) {
      emit(RolloutEvent.Type.DEADLINE_AT_RISK, -1, "", "", open + " eligible VMs not patched at the deadline");
    }
  }

  // ---- installs -------------------------------------------------------------------------------

  private void scheduleTry(int vm, long from) {
    long expected = expectedSeconds.applyAsLong(vm);
    long at = calendars[calendarOf[vm]].earliestStart(from, expected);
    if (at < 0) {
      waitReason[vm] = WAIT_NO_WINDOW;
      return;
    }
    waitReason[vm] = WAIT_WINDOW;
    scheduler.schedule(Instant.ofEpochSecond(at), () -> tryStart(vm));
  }

  private void tryStart(int vm) {
    if (state[vm] != VmState.WAITING && state[vm] != VmState.RETRY_PENDING) {
      return;
    }
    if (enableState[vm] != ENABLE_DONE) {
      waitReason[vm] = WAIT_ENABLING; // enabled() schedules the install once enablement succeeded (B3)
      return;
    }
    long now = scheduler.now().getEpochSecond();
    long expected = expectedSeconds.applyAsLong(vm);
    WindowCalendar cal = calendars[calendarOf[vm]];
    long end = cal.windowEnd(now);
    if (end < 0 || now + expected > end) {
      scheduleTry(vm, now);
      return;
    }
    byte block = admission(vm);
    if (block != WAIT_NONE) {
      waitReason[vm] = block;
      regionWaiting.get(index.region[vm]).add(vm);
      return;
    }
    begin(vm, end);
  }

  // ---- enablement (B3) -----------------------------------------------------------------------

  /** Enables the VM at the start of its next off-peak window at or after {@code from} (W2, B3). */
  private void scheduleEnable(int vm, long from) {
    long at = calendars[calendarOf[vm]].nextStart(from);
    if (at < 0) {
      return; // no window left in this cycle: the VM stays not enabled and is explained so
    }
    scheduler.schedule(Instant.ofEpochSecond(at), () -> beginEnable(vm));
  }

  private void beginEnable(int vm) {
    if (enableState[vm] != ENABLE_NEEDED || cancelled) {
      return;
    }
    long now = scheduler.now().getEpochSecond();
    long end = calendars[calendarOf[vm]].windowEnd(now);
    if (end < 0) {
      scheduleEnable(vm, now);
      return;
    }
    enableState[vm] = ENABLE_IN_FLIGHT;
    long token = ++attemptToken[vm];
    scheduler.schedule(Instant.ofEpochSecond(end), () -> {
      if (enableState[vm] == ENABLE_IN_FLIGHT && attemptToken[vm] == token) {
        enableEnded(vm, now, TraceRecord.TIMED_OUT);
      }
    });
    CompletableFuture<Boolean> pending = call(() -> executor instanceof IndexedExecutor
        ? ((IndexedExecutor) executor).enable(vm)
        : executor.enable(index.ids[vm]));
    whenAnswered(pending, () -> {
      if (enableState[vm] != ENABLE_IN_FLIGHT || attemptToken[vm] != token) {
        return; // timed out earlier: a late answer is ignored, enablement restarts in the next window
      }
      boolean ok;
      try {
        ok = Boolean.TRUE.equals(pending.join());
      } catch (RuntimeException e) {
        ok = false;
      }
      enableEnded(vm, now, ok ? PatchOperationStatus.SUCCEEDED : PatchOperationStatus.FAILED);
    });
  }

  private void enableEnded(int vm, long start, PatchOperationStatus outcome) {
    long now = scheduler.now().getEpochSecond();
    writeTraceRow(vm, -1, TraceRecord.Operation.ENABLE, start, now, outcome);
    if (PatchOperationStatus.SUCCEEDED.equals(outcome)) {
      enableState[vm] = ENABLE_DONE;
      if (store != RolloutStore.NONE) {
        journal("ENABLED " + index.ids[vm]);
      }
      if (state[vm] == VmState.WAITING || state[vm] == VmState.RETRY_PENDING) {
        scheduleTry(vm, now);
      }
    } else {
      enableState[vm] = ENABLE_NEEDED;
      long end = calendars[calendarOf[vm]].windowEnd(now);
      scheduleEnable(vm, end < 0 ? now : end);
    }
  }

  /**
   * B8: a VM whose install was in flight at a kill may still be installing, so from the restart on it
   * holds its slots (zone, update domain, set and subscription shares, stage) as if in flight, until the
   * executor says how that install ended. In-doubt VMs are resolved in VM-number order, at once.
   */
  private void holdInDoubt() {
    if (inDoubt.isEmpty()) {
      return;
    }
    int[] vms = inDoubt.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    for (int vm : vms) {
      long[] doubt = inDoubt.get(vm);
      state[vm] = VmState.IN_FLIGHT;
      startedAt[vm] = doubt[0];
      reserve(vm);
    }
    for (int vm : vms) {
      resolveInDoubt(vm, inDoubt.get(vm));
    }
  }

  /**
   * B8: before a VM whose install was in flight at a kill is installed again, asks the executor for its
   * last installation. Succeeded (or with warnings) since the journalled start: settled without a second
   * install. InProgress: polled again in the VM's next window, {@link #IN_DOUBT_POLLS} times at most.
   * Anything else (failed, unknown, older, or no answer): the attempt counts as failed.
   */
  private void resolveInDoubt(int vm, long[] doubt) {
    if (doubt[2] != 0) {
      return; // a query is already out
    }
    doubt[2] = 1;
    CompletableFuture<Optional<io.guestpatch.model.LastPatchInstallationSummary>> f =
        call(() -> executor.lastInstallation(index.ids[vm]));
    whenAnswered(f, () -> inDoubtAnswered(vm, doubt, f));
  }

  private void inDoubtAnswered(int vm, long[] doubt,
      CompletableFuture<Optional<io.guestpatch.model.LastPatchInstallationSummary>> f) {
    doubt[2] = 0;
    if (inDoubt.get(vm) != doubt || state[vm] != VmState.IN_FLIGHT) {
      return;
    }
    Optional<io.guestpatch.model.LastPatchInstallationSummary> summary;
    try {
      summary = f.join();
    } catch (RuntimeException e) {
      summary = Optional.empty();
    }
    long journalled = doubt[0];
    long now = scheduler.now().getEpochSecond();
    PatchOperationStatus status = PatchOperationStatus.UNKNOWN;
    long summaryStart = -1;
    long summaryEnd = now;
    if (summary.isPresent()) {
      status = summary.get().status().orElse(PatchOperationStatus.UNKNOWN);
      summaryStart = summary.get().startTime().map(t -> t.toInstant().getEpochSecond()).orElse(-1L);
      summaryEnd = summary.get().lastModifiedTime().map(t -> t.toInstant().getEpochSecond()).orElse(now);
    }
    boolean ours = summaryStart >= journalled;
    if (ours && PatchOperationStatus.IN_PROGRESS.equals(status) && ++doubt[1] < IN_DOUBT_POLLS) {
      // Still installing: keep its slots and ask again at the end of the window it runs in.
      long end = calendars[calendarOf[vm]].windowEnd(now);
      long next = end > now ? end : now + IN_DOUBT_POLL_SECONDS;
      scheduler.schedule(Instant.ofEpochSecond(next), () -> resolveInDoubt(vm, doubt));
      return;
    }
    inDoubt.remove(vm);
    release(vm);
    state[vm] = VmState.WAITING;
    int region = index.region[vm];
    int stage = plan.stageOfRegion(region);
    boolean succeeded = ours && (PatchOperationStatus.SUCCEEDED.equals(status)
        || PatchOperationStatus.COMPLETED_WITH_WARNINGS.equals(status));
    if (ours && !PatchOperationStatus.IN_PROGRESS.equals(status)) {
      // The lost install ran and ended: trace it as the VM's instance view reports it (B9, B4).
      long end = Math.max(journalled, summaryEnd);
      writeTrace(vm, stage, journalled, end, status);
      io.guestpatch.model.LastPatchInstallationSummary sum = summary.orElseThrow();
      startedAt[vm] = journalled;
      recordInstall(vm, status, sum.maintenanceWindowExceeded().orElse(false),
          sum.installedPatchCount().orElse(0), sum.failedPatchCount().orElse(0), sum.pendingPatchCount().orElse(0),
          sum.excludedPatchCount().orElse(0), sum.notSelectedPatchCount().orElse(0));
      installSeconds[vm] = (int) Math.min(Integer.MAX_VALUE, end - journalled);
    }
    attempts[vm]++;
    stageFinished[stage]++;
    if (succeeded) {
      state[vm] = VmState.SUCCEEDED;
      stagePatched[stage]++;
      journal("OK " + index.ids[vm]);
      emit(RolloutEvent.Type.VM_SUCCEEDED, stage, index.regionNames[region], index.ids[vm],
          "installed before a restart: " + status.value());
      settle(vm);
    } else {
      stageFailed[stage]++;
      String why = !summary.isPresent() ? "no last installation known"
          : !ours ? "last installation predates the lost attempt" : status.value();
      if (attempts[vm] <= policy.retryLimit() && !cancelled) {
        state[vm] = VmState.RETRY_PENDING;
        journal("TRY " + index.ids[vm] + " " + attempts[vm]);
        emit(RolloutEvent.Type.VM_RETRY_SCHEDULED, stage, index.regionNames[region], index.ids[vm],
            "install lost at a restart (" + why + "); retry " + attempts[vm] + " of " + policy.retryLimit());
        if (stageReleased[stage]) {
          scheduleTry(vm, now);
        } else {
          state[vm] = VmState.WAITING_FOR_STAGE; // its batch will pick it up when its stage opens
        }
      } else {
        state[vm] = VmState.FAILED;
        journal("FAIL " + index.ids[vm]);
        emit(RolloutEvent.Type.VM_FAILED, stage, index.regionNames[region], index.ids[vm],
            "install lost at a restart (" + why + ")");
        settle(vm);
      }
    }
    haltIfOverThreshold(stage);
    retryWaiting(region);
  }

  private byte admission(int vm) {
    if (cancelled || isHalted()) {
      return WAIT_HALTED;
    }
    if (paused) {
      return WAIT_PAUSED;
    }
    int region = index.region[vm];
    int stage = plan.stageOfRegion(region);
    if (activeStage >= 0 && activeStage != stage) {
      return WAIT_OTHER_STAGE;
    }
    for (int p : pairs[region]) {
      if (regionInFlight[p] > 0) {
        return WAIT_PAIR;
      }
    }
    int zone = index.zone[vm];
    if (zone >= 0 && regionZone[region] >= 0 && regionZone[region] != zone) {
      return WAIT_ZONE;
    }
    int set = index.set[vm];
    if (set >= 0) {
      if (setInFlight[set] > 0 && setUd[set] != index.updateDomain[vm]) {
        return WAIT_UD;
      }
      if (setInFlight[set] >= setCap[set]) {
        return WAIT_SET_CAP;
      }
    } else if (subInFlight[subRegion[vm]] >= subCap[subRegion[vm]]) {
      return WAIT_SUBSCRIPTION;
    }
    return WAIT_NONE;
  }

  /** Counts the VM as in flight in every failure domain it belongs to (I1-I5). */
  private void reserve(int vm) {
    int region = index.region[vm];
    activeStage = plan.stageOfRegion(region);
    activeStageInFlight++;
    regionInFlight[region]++;
    int zone = index.zone[vm];
    if (zone >= 0) {
      regionZone[region] = zone;
      regionZoneCount[region]++;
    }
    int set = index.set[vm];
    if (set >= 0) {
      setInFlight[set]++;
      setUd[set] = index.updateDomain[vm];
    } else {
      subInFlight[subRegion[vm]]++;
    }
  }

  /** Undoes {@link #reserve(int)}. */
  private void release(int vm) {
    int region = index.region[vm];
    if (--activeStageInFlight == 0) {
      activeStage = -1;
    }
    regionInFlight[region]--;
    if (index.zone[vm] >= 0 && --regionZoneCount[region] == 0) {
      regionZone[region] = -1;
    }
    int set = index.set[vm];
    if (set >= 0) {
      if (--setInFlight[set] == 0) {
        setUd[set] = Integer.MIN_VALUE;
      }
    } else {
      subInFlight[subRegion[vm]]--;
    }
  }

  private void begin(int vm, long windowEnd) {
    int region = index.region[vm];
    int stage = plan.stageOfRegion(region);
    state[vm] = VmState.IN_FLIGHT;
    waitReason[vm] = WAIT_NONE;
    long now = scheduler.now().getEpochSecond();
    startedAt[vm] = now;
    long token = ++attemptToken[vm];
    reserve(vm);
    installsStarted++;
    installPacked[vm] = statusCode(PatchOperationStatus.IN_PROGRESS);
    installSeconds[vm] = 0;
    if (store != RolloutStore.NONE) {
      // B8: journalled before the executor is called, so a kill from here on leaves the VM in doubt.
      journal("START " + index.ids[vm] + " " + (attempts[vm] + 1) + " " + now);
    }
    emit(RolloutEvent.Type.VM_STARTED, stage, index.regionNames[region], index.ids[vm],
        attempts[vm] == 0 ? "" : "retry " + attempts[vm]);
    long deadline = windowEnd - policy.operationTimeoutSlack().getSeconds();
    long maxSeconds = Math.max(60, deadline - now);
    VirtualMachineInstallPatchesParameters params = (index.windows[vm] ? windowsParams : linuxParams);
    params = VirtualMachineInstallPatchesParameters.builder().from(params)
        .maximumDuration("PT" + (maxSeconds / 60) + "M").build();
    scheduler.schedule(Instant.ofEpochSecond(Math.max(now, deadline)), () -> {
      if (state[vm] == VmState.IN_FLIGHT && attemptToken[vm] == token) {
        // B4: Azure shows a timed-out install as Failed with maintenanceWindowExceeded.
        recordInstall(vm, PatchOperationStatus.FAILED, true, 0, 0, 0, 0, 0);
        finish(vm, TraceRecord.TIMED_OUT, false);
      }
    });
    VirtualMachineInstallPatchesParameters request = params;
    CompletableFuture<VirtualMachineInstallPatchesResult> f = call(() -> executor instanceof IndexedExecutor
        ? ((IndexedExecutor) executor).install(vm, request)
        : executor.install(index.ids[vm], request));
    // Always handled as a later task, even when already answered, so that finish() never runs inside begin().
    f.whenComplete((result, error) -> scheduler.execute(() -> {
      if (state[vm] != VmState.IN_FLIGHT || attemptToken[vm] != token) {
        return; // timed out earlier: a late answer is ignored
      }
      if (error != null || result == null) {
        recordInstall(vm, PatchOperationStatus.FAILED, false, 0, 0, 0, 0, 0);
        finish(vm, PatchOperationStatus.FAILED, false);
        return;
      }
      PatchOperationStatus status = result.status().orElse(PatchOperationStatus.UNKNOWN);
      recordInstall(vm, status, result.maintenanceWindowExceeded().orElse(false),
          result.installedPatchCount().orElse(0), result.failedPatchCount().orElse(0),
          result.pendingPatchCount().orElse(0), result.excludedPatchCount().orElse(0),
          result.notSelectedPatchCount().orElse(0));
      boolean pending = result.pendingPatchCount().orElse(0) > 0 || result.failedPatchCount().orElse(0) > 0;
      finish(vm, status, pending);
    }));
  }

  private void finish(int vm, PatchOperationStatus status, boolean patchesLeft) {
    int region = index.region[vm];
    int stage = plan.stageOfRegion(region);
    long now = scheduler.now().getEpochSecond();
    release(vm);
    installsFinished++;
    attempts[vm]++;
    writeTrace(vm, stage, startedAt[vm], now, status);
    boolean succeeded = (PatchOperationStatus.SUCCEEDED.equals(status)
        || PatchOperationStatus.COMPLETED_WITH_WARNINGS.equals(status)) && !patchesLeft;
    boolean unhealthy = succeeded && (health instanceof IndexedExecutor
        ? ((IndexedExecutor) health).healthAfterUpdate(vm)
        : health.healthAfterUpdate(index.ids[vm])) == HealthSource.Health.UNHEALTHY;
    stageFinished[stage]++;
    if (!succeeded || unhealthy) {
      stageFailed[stage]++;
    }
    if (succeeded) {
      state[vm] = VmState.SUCCEEDED;
      stagePatched[stage]++;
      if (store != RolloutStore.NONE) {
        journal("OK " + index.ids[vm]);
      }
      emit(RolloutEvent.Type.VM_SUCCEEDED, stage, index.regionNames[region], index.ids[vm],
          unhealthy ? "unhealthy after the update" : status.value());
      settle(vm);
    } else if (attempts[vm] <= policy.retryLimit() && !cancelled) {
      state[vm] = VmState.RETRY_PENDING;
      journal("TRY " + index.ids[vm] + " " + attempts[vm]);
      emit(RolloutEvent.Type.VM_RETRY_SCHEDULED, stage, index.regionNames[region], index.ids[vm],
          status.value() + "; retry " + attempts[vm] + " of " + policy.retryLimit() + " in the next window");
      long end = calendars[calendarOf[vm]].windowEnd(now);
      scheduleTry(vm, end < 0 ? now : end);
      batchProgress(vm);
    } else {
      state[vm] = VmState.FAILED;
      journal("FAIL " + index.ids[vm]);
      emit(RolloutEvent.Type.VM_FAILED, stage, index.regionNames[region], index.ids[vm], status.value());
      settle(vm);
    }
    haltIfOverThreshold(stage);
    retryWaiting(region);
  }

  /** A VM of a batch reached an end for now (settled, off, or waiting for a retry): the batch may move on. */
  private void batchProgress(int vm) {
    int region = index.region[vm];
    if (batchOf[vm] == regionBatchCursor[region] - 1 && regionBatchPending[region] > 0) {
      if (--regionBatchPending[region] == 0) {
        releaseNextBatch(region);
      }
    }
  }

  private void settle(int vm) {
    int stage = plan.stageOfVm(vm);
    stageSettled[stage]++;
    if (state[vm] != VmState.POWERED_OFF) {
      batchProgress(vm);
    }
    checkGate(stage, false);
  }

  private void retryWaiting(int region) {
    if (activeStage < 0) {
      retryAllWaiting();
      return;
    }
    drain(region);
    for (int p : pairs[region]) {
      if (regionInFlight[region] == 0) {
        drain(p);
      }
    }
  }

  private void retryAllWaiting() {
    for (int r = 0; r < regionWaiting.size(); r++) {
      drain(r);
    }
  }

  private void drain(int region) {
    IntList waiting = regionWaiting.get(region);
    if (waiting.isEmpty()) {
      return;
    }
    int[] vms = waiting.toArray();
    waiting.clear();
    for (int vm : vms) {
      tryStart(vm);
    }
  }

  // ---- power and catch-up ---------------------------------------------------------------------

  /**
   * Tells the engine that a VM runs again (a periodic assessment or a fleet refresh saw it): a VM that
   * was powered off when its batch ran is caught up in its next window, under every rule (I2).
   */
  public void vmRunning(int vm) {
    if (state[vm] == VmState.POWERED_OFF && !cancelled) {
      state[vm] = VmState.RETRY_PENDING;
      int stage = plan.stageOfVm(vm);
      stageSettled[stage]--;
      scheduleTry(vm, scheduler.now().getEpochSecond());
    }
  }

  // ---- patch status (B4) ----------------------------------------------------------------------

  private static final PatchOperationStatus[] STATUS_CODES = {
    null, PatchOperationStatus.SUCCEEDED, PatchOperationStatus.FAILED,
    PatchOperationStatus.COMPLETED_WITH_WARNINGS, PatchOperationStatus.IN_PROGRESS, PatchOperationStatus.UNKNOWN
  };

  private static int statusCode(PatchOperationStatus status) {
    for (int i = 1; i < STATUS_CODES.length; i++) {
      if (STATUS_CODES[i] == status) {
        return i; // the constants themselves: no string comparison on the hot path
      }
    }
    for (int i = 1; i < STATUS_CODES.length; i++) {
      if (STATUS_CODES[i].equals(status)) {
        return i;
      }
    }
    return 5; // Unknown
  }

  private static int clamp(int value, int max) {
    return Math.max(0, Math.min(value, max));
  }

  /** Packs a finished install: status (3 bits), maintenanceWindowExceeded (1), five 12-bit counts. */
  private void recordInstall(int vm, PatchOperationStatus status, boolean windowExceeded, int installed,
      int failed, int pending, int excluded, int notSelected) {
    installPacked[vm] = statusCode(status) | (windowExceeded ? 1L << 3 : 0)
        | (long) clamp(installed, 0xFFF) << 4 | (long) clamp(failed, 0xFFF) << 16
        | (long) clamp(pending, 0xFFF) << 28 | (long) clamp(excluded, 0xFFF) << 40
        | (long) clamp(notSelected, 0xFFF) << 52;
    installSeconds[vm] = (int) Math.min(Integer.MAX_VALUE, scheduler.now().getEpochSecond() - startedAt[vm]);
  }

  /**
   * The VM's instance-view {@code patchStatus} as Azure would show it now (B4), built on demand from
   * compact per-VM fields: {@code availablePatchSummary} from the latest assessment (B1, B2),
   * {@code lastPatchInstallationSummary} from the latest install ({@code InProgress} while in flight; a
   * timed-out install is {@code Failed} with {@code maintenanceWindowExceeded}), and
   * {@code configurationStatuses} with {@code PatchModeConfigurationState/Ready} or {@code /Pending}
   * from enablement (B3; an ineligible VM shows what its fleet record said). Counts above 16383
   * (assessment) or 4095 (installation) are capped there. Summaries are absent until the engine has run
   * the operation in this process.
   */
  public io.guestpatch.model.VirtualMachinePatchStatus patchStatus(int vm) {
    Objects.checkIndex(vm, index.size());
    io.guestpatch.model.VirtualMachinePatchStatus.Builder b = io.guestpatch.model.VirtualMachinePatchStatus.builder();
    int a = assessPacked[vm];
    if (a != 0) {
      b.availablePatchSummary(io.guestpatch.model.AvailablePatchSummary.builder()
          .status(STATUS_CODES[a & 7])
          .rebootPending((a & 8) != 0)
          .criticalAndSecurityPatchCount((a >>> 4) & 0x3FFF)
          .otherPatchCount((a >>> 18) & 0x3FFF)
          .startTime(io.guestpatch.model.AzureDateTime.of(Instant.ofEpochSecond(lastAssessed[vm])))
          .build());
    }
    long i = installPacked[vm];
    if (i != 0) {
      Instant start = Instant.ofEpochSecond(startedAt[vm]);
      b.lastPatchInstallationSummary(io.guestpatch.model.LastPatchInstallationSummary.builder()
          .status(STATUS_CODES[(int) (i & 7)])
          .maintenanceWindowExceeded((i & 8) != 0)
          .installedPatchCount((int) (i >>> 4) & 0xFFF)
          .failedPatchCount((int) (i >>> 16) & 0xFFF)
          .pendingPatchCount((int) (i >>> 28) & 0xFFF)
          .excludedPatchCount((int) (i >>> 40) & 0xFFF)
          .notSelectedPatchCount((int) (i >>> 52) & 0xFFF)
          .startTime(io.guestpatch.model.AzureDateTime.of(start))
          .lastModifiedTime(io.guestpatch.model.AzureDateTime.of(start.plusSeconds(installSeconds[vm])))
          .build());
    }
    boolean ready = index.isEligible(vm) ? enableState[vm] == ENABLE_DONE : index.isEnabled(vm);
    String code = ready ? FleetIndex.PATCH_MODE_READY : FleetIndex.PATCH_MODE_PENDING;
    b.addConfigurationStatuses(io.guestpatch.model.InstanceViewStatus.builder()
        .code(code)
        .level(io.guestpatch.model.StatusLevelTypes.INFO)
        .displayStatus("Status_" + code.replace('/', '_'))
        .build());
    return b.build();
  }

  // ---- explain and progress -------------------------------------------------------------------

  /** The state of a VM (by {@link FleetIndex} number). */
  public VmState state(int vm) {
    return state[vm];
  }

  /** Why a VM is not patched yet, in words (B6); for a patched VM, when. */
  public String explain(int vm) {
    Objects.checkIndex(vm, index.size());
    int region = index.region[vm];
    int stage = plan.stageOfRegion(region);
    switch (state[vm]) {
      case INELIGIBLE:
        return "not eligible: " + String.join(", ", index.ineligibleReasons(vm));
      case SUCCEEDED:
        return "patched in stage " + stage + " (install started " + Instant.ofEpochSecond(startedAt[vm]) + ")";
      case FAILED:
        return "failed after " + attempts[vm] + " attempts; no retry left in this cycle";
      case IN_FLIGHT:
        return (inDoubt.containsKey(vm)
            ? "install started before a restart, outcome not known yet; its slots are held; started "
            : "install in flight since ") + Instant.ofEpochSecond(startedAt[vm]);
      case POWERED_OFF:
        return "powered off when its batch ran; patched when it next runs, in its window";
      case WAITING_FOR_STAGE:
        if (cancelled || isHalted()) {
          String why = cancelled ? "the rollout is cancelled" : "the rollout is halted: " + haltReason;
          return stageReleased[stage]
              ? "waiting for its batch in " + index.regionNames[region] + ", which will not start: " + why
              : "stage " + stage + " will not open: " + why;
        }
        if (stage > 0 && stageGate[stage - 1] < 0) {
          return "waiting for stage " + stage + ": the gate of stage " + (stage - 1) + " has not passed";
        }
        return "waiting for its batch in " + index.regionNames[region];
      case RETRY_PENDING:
      case WAITING:
      default:
        String prefix = state[vm] == VmState.RETRY_PENDING
            ? "retry pending (attempt " + (attempts[vm] + 1) + "): " : "";
        return prefix + waitText(vm);
    }
  }

  private String waitText(int vm) {
    int region = index.region[vm];
    switch (waitReason[vm]) {
      case WAIT_ZONE:
        return "zone " + index.zoneNames[regionZone[region]] + " of " + index.regionNames[region] + " is busy";
      case WAIT_UD:
        return "another update domain of its availability set is in flight";
      case WAIT_SET_CAP:
        return "its availability set already has its share of VMs in flight";
      case WAIT_SUBSCRIPTION:
        return "its subscription already has its share of VMs in flight in this region";
      case WAIT_PAIR:
        return "a paired region has installs in flight";
      case WAIT_OTHER_STAGE:
        return "installs of stage " + activeStage + " are in flight";
      case WAIT_HALTED:
        return cancelled ? "the rollout is cancelled" : "the rollout is halted: " + haltReason;
      case WAIT_PAUSED:
        return "the rollout is paused";
      case WAIT_NO_WINDOW:
        return "no off-peak window in this cycle is long enough";
      case WAIT_ENABLING:
        return enableState[vm] == ENABLE_IN_FLIGHT
            ? "platform patching is being enabled; the install waits for it"
            : "platform patching is not enabled yet; enablement runs at the start of its next off-peak window";
      case WAIT_IN_DOUBT:
        return "its install was in flight when the engine stopped; waiting for the VM's last installation "
            + "to finish (checked again at the next window)";
      case WAIT_WINDOW:
      default:
        long next = calendars[calendarOf[vm]].earliestStart(scheduler.now().getEpochSecond(), expectedSeconds.applyAsLong(vm));
        return "outside off-peak; next fitting window starts " + (next < 0 ? "never in this cycle" : Instant.ofEpochSecond(next));
    }
  }

  /** A snapshot of progress (B7). */
  public RolloutProgress progress() {
    int eligible = 0;
    int patched = 0;
    int failed = 0;
    for (int s = 0; s < stageCount; s++) {
      eligible += stageTarget[s];
    }
    int[] regionPatched = new int[index.regionCount()];
    int[] stageFailedFinal = new int[stageCount];
    for (int vm = 0; vm < state.length; vm++) {
      VmState st = state[vm];
      if (st == VmState.SUCCEEDED) {
        patched++;
        regionPatched[index.region[vm]]++;
      } else if (st == VmState.FAILED) {
        failed++;
        stageFailedFinal[plan.stageOfVm(vm)]++;
      }
    }
    java.util.LinkedHashMap<String, int[]> regions = new java.util.LinkedHashMap<>();
    for (Stage st : plan.stages()) {
      for (RegionPlan r : st.regions()) {
        regions.put(r.region(), new int[] {regionPatched[r.regionId()], r.vms()});
      }
    }
    return new RolloutProgress(scheduler.now(), plan, eligible, patched, failed,
        stageTarget.clone(), stagePatched.clone(), stageFailedFinal, stageStart.clone(), stageGate.clone(), haltReason,
        regions);
  }

  /** The number of installs started and finished so far. */
  public long installsStarted() {
    return installsStarted;
  }

  /** The number of installs finished so far. */
  public long installsFinished() {
    return installsFinished;
  }

  /** Days from a stage's start to its gate, or to now when the gate has not passed; 0 if not started. */
  public double stageDays(int s) {
    if (stageStart[s] < 0) {
      return 0;
    }
    long end = stageGate[s] >= 0 ? stageGate[s] : scheduler.now().getEpochSecond();
    return (end - stageStart[s]) / 86_400.0;
  }

  // ---- journal, trace, events -----------------------------------------------------------------

  private void replay() {
    List<String> records;
    try {
      records = store.replay();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replay the rollout store", e);
    }
    if (records.isEmpty()) {
      return;
    }
    Map<String, Integer> ids = new HashMap<>();
    for (int vm = 0; vm < index.size(); vm++) {
      ids.put(index.ids[vm], vm);
    }
    for (String r : records) {
      String[] f = r.split(" ", 3);
      Integer vm = f.length > 1 ? ids.get(f[1]) : null;
      if (vm != null && (f[0].equals("OK") || f[0].equals("FAIL") || f[0].equals("TRY"))) {
        inDoubt.remove(vm); // OK, FAIL and TRY end an attempt
      }
      switch (f[0]) {
        case "START":
          if (vm != null && f.length == 3) {
            String[] g = f[2].split(" ");
            attempts[vm] = (byte) (Integer.parseInt(g[0]) - 1);
            inDoubt.put(vm, new long[] {Long.parseLong(g[1]), 0, 0});
          }
          break;
        case "ENABLED":
          if (vm != null) {
            enableState[vm] = ENABLE_DONE;
          }
          break;
        case "OK":
          if (vm != null && state[vm] != VmState.SUCCEEDED) {
            state[vm] = VmState.SUCCEEDED;
            stagePatched[plan.stageOfVm(vm)]++;
            stageSettled[plan.stageOfVm(vm)]++;
          }
          break;
        case "FAIL":
          if (vm != null && state[vm] != VmState.FAILED) {
            state[vm] = VmState.FAILED;
            stageSettled[plan.stageOfVm(vm)]++;
          }
          break;
        case "TRY":
          if (vm != null) {
            attempts[vm] = (byte) Integer.parseInt(f[2]);
          }
          break;
        case "PAUSE":
          paused = true;
          break;
        case "RESUME":
          paused = false;
          haltReason = "";
          break;
        case "CANCEL":
          cancelled = true;
          break;
        case "HALT":
          haltReason = "halted before a restart (stage " + f[1] + "); resume to go on";
          break;
        default:
          break;
      }
    }
  }

  private void journal(String record) {
    if (store == RolloutStore.NONE) {
      return;
    }
    try {
      store.append(record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rollout store", e);
    }
  }

  /** Calls the executor; an exception thrown by the call becomes a failed future, as a late failure would. */
  private static <T> CompletableFuture<T> call(java.util.function.Supplier<CompletableFuture<T>> executorCall) {
    try {
      return executorCall.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Runs {@code then} on the engine's thread once the answer is there: at once if it already is. */
  private void whenAnswered(CompletableFuture<?> f, Runnable then) {
    if (f.isDone()) {
      then.run();
    } else {
      f.whenComplete((r, e) -> scheduler.execute(then));
    }
  }

  private void writeTrace(int vm, int stage, long start, long end, PatchOperationStatus outcome) {
    writeTraceRow(vm, stage, TraceRecord.Operation.INSTALL, start, end, outcome);
  }

  /** Writes an assessment row to the trace (periodic and on-demand assessment have no stage). */
  void traceAssessment(int vm, long start, long end, PatchOperationStatus outcome) {
    writeTraceRow(vm, -1, TraceRecord.Operation.ASSESS, start, end, outcome);
  }

  private void writeTraceRow(int vm, int stage, TraceRecord.Operation operation, long start, long end,
      PatchOperationStatus outcome) {
    if (trace == null) {
      return;
    }
    TraceRecord.Builder b = TraceRecord.builder()
        .vmId(index.ids[vm])
        .subscriptionId(index.subscriptionIds[index.subscription[vm]])
        .region(index.regionNames[index.region[vm]])
        .timeZone(index.timeZone(vm))
        .operation(operation)
        .startUtc(Instant.ofEpochSecond(start))
        .endUtc(Instant.ofEpochSecond(end))
        .outcome(outcome);
    if (stage >= 0) {
      b.stage(stage);
    }
    if (index.zone[vm] >= 0) {
      b.zone(index.zoneNames[index.zone[vm]]);
    }
    if (index.set[vm] >= 0) {
      b.availabilitySet(index.setIds[index.set[vm]]);
    }
    if (index.updateDomain[vm] >= 0) {
      b.updateDomain(index.updateDomain[vm]);
    }
    try {
      trace.write(b.build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trace", e);
    }
  }

  WindowCalendar calendarOf(int vm) {
    return calendars[calendarOf[vm]];
  }

  private void emit(RolloutEvent.Type type, int stage, String region, String vm, String detail) {
    if (listeners.isEmpty()) {
      return;
    }
    RolloutEvent e = new RolloutEvent(type, scheduler.now(), stage, region, vm, detail);
    for (RolloutListener l : listeners) {
      try {
        l.onEvent(e);
      } catch (RuntimeException ex) {
        LOG.warn("rollout listener failed on {}", e, ex);
      }
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Builds a {@link RolloutEngine}. Not thread-safe. */
  public static final class Builder {
    private final Plan plan;
    private RolloutPolicy policy = RolloutPolicy.ofDefaults();
    private Scheduler scheduler;
    private PatchExecutor executor;
    private HealthSource health = HealthSource.UNKNOWN;
    private PowerStateSource power = PowerStateSource.ALWAYS_RUNNING;
    private RolloutStore store = new InMemoryRolloutStore();
    private final List<RolloutListener> listeners = new ArrayList<>();
    private TraceWriter trace;
    private IntToLongFunction expectedSeconds;
    private boolean periodicAssessment = true;

    private Builder(Plan plan) {
      this.plan = Objects.requireNonNull(plan, "plan");
    }

    /** The policy the plan was made with (thresholds, windows). */
    public Builder policy(RolloutPolicy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    /** The clock: {@link VirtualScheduler} or {@link RealTimeScheduler}. Required. */
    public Builder scheduler(Scheduler value) {
      this.scheduler = Objects.requireNonNull(value, "scheduler");
      return this;
    }

    /** What really assesses and installs. Required. */
    public Builder executor(PatchExecutor value) {
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /** The post-update health signal. */
    public Builder health(HealthSource value) {
      this.health = Objects.requireNonNull(value, "health");
      return this;
    }

    /** Which VMs run. */
    public Builder power(PowerStateSource value) {
      this.power = Objects.requireNonNull(value, "power");
      return this;
    }

    /** Durable state (default: in memory). */
    public Builder store(RolloutStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /** Adds a listener. */
    public Builder listener(RolloutListener value) {
      listeners.add(Objects.requireNonNull(value, "listener"));
      return this;
    }

    /** Writes every finished operation to this trace (B9). */
    public Builder trace(TraceWriter value) {
      this.trace = value;
      return this;
    }

    /**
     * The expected install time of a VM in seconds (W4), e.g. from its last assessment: patches x 5
     * minutes + 15 minutes reboot reserve. Default: 4 patches.
     */
    public Builder expectedSeconds(IntToLongFunction value) {
      this.expectedSeconds = value;
      return this;
    }

    /** Whether the engine assesses every eligible VM periodically in its window (B1; default true). */
    public Builder periodicAssessment(boolean value) {
      this.periodicAssessment = value;
      return this;
    }

    /**
     * The engine.
     *
     * @throws IllegalArgumentException when the scheduler or executor is missing
     */
    public RolloutEngine build() {
      List<String> missing = new ArrayList<>();
      if (scheduler == null) {
        missing.add("scheduler");
      }
      if (executor == null) {
        missing.add("executor");
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("a rollout engine needs " + String.join(" and ", missing));
      }
      return new RolloutEngine(this);
    }
  }
}
