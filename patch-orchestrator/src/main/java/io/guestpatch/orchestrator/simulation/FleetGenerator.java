package io.guestpatch.orchestrator.simulation;

import io.guestpatch.model.FleetWriter;
import io.guestpatch.model.ImageReference;
import io.guestpatch.model.InstanceViewStatus;
import io.guestpatch.model.StatusLevelTypes;
import io.guestpatch.model.VirtualMachinePatchStatus;
import io.guestpatch.model.LinuxConfiguration;
import io.guestpatch.model.LinuxPatchSettings;
import io.guestpatch.model.LinuxVMGuestPatchMode;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchSettings;
import io.guestpatch.model.PowerState;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsConfiguration;
import io.guestpatch.model.WindowsVMGuestPatchMode;
import io.guestpatch.policy.Region;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A seeded generator of realistic synthetic fleets (SPEC 4.6): VMs spread over the regions of a
 * {@link FleetShape} with skewed region sizes, subscriptions and resource groups, availability sets with
 * update and fault domains, zonal VMs, a Windows/Linux image mix, Windows time zones that match the
 * region, a share of VMs ineligible for automatic patching and a share deallocated.
 *
 * <p>The same shape and seed always give the same fleet, VM for VM and in the same order; different
 * seeds give different fleets. VMs come region by region; within a region, availability-set members
 * first (set by set), then the VMs outside sets.
 *
 * <p>What the VMs look like:
 * <ul>
 *   <li>Region sizes are skewed (a Zipf-like weight over a seeded order of the regions, so the largest
 *       region holds tens of times the VMs of the smallest); when there are at least as many VMs as
 *       regions, every region gets at least one.
 *   <li>Subscription ids are GUIDs derived from the seed; a few large subscriptions hold many VMs.
 *   <li>Availability set members share one subscription, resource group and region, have no zone, take
 *       update domains {@code 0..updateDomains-1} round-robin and fault domains round-robin over the
 *       set's 2 or 3.
 *   <li>Eligible VMs are {@code AutomaticByPlatform} with {@code provisionVMAgent=true} (Windows also
 *       {@code enableAutomaticUpdates=true}), a supported marketplace image and, on Linux, an agent of
 *       2.2.53.1 or later (P3, P4, P8, P9, E1-E3).
 *   <li>Ineligible VMs have one reason: a non-platform mode ({@code Manual}, {@code AutomaticByOS},
 *       {@code ImageDefault}), an unsupported image, a custom image, an old Linux agent, or no agent.
 * </ul>
 *
 * <p>{@link #generate(Consumer)}, {@link #stream()} and {@link #writeJsonLines(Path)} hold one VM at a
 * time (plus small per-fleet tables), so a million-VM fleet streams in constant memory;
 * {@link #toList()} holds them all. Immutable and thread-safe: each call generates afresh.
 */
public final class FleetGenerator {
  /** Linux agent versions at or above 2.2.53.1, which Linux {@code AutomaticByPlatform} needs (P9). */
  private static final String[] LINUX_AGENTS = {"2.2.53.1", "2.2.54.2", "2.9.1.1", "2.10.0.8"};
  private static final String[] OLD_LINUX_AGENTS = {"2.2.45", "2.2.49.2", "2.2.52"};
  private static final String[] WINDOWS_AGENTS = {"2.7.41491.1102", "2.7.41491.1131"};
  private static final String[] API_VERSIONS = {"2021-03-01", "2022-03-01", "2023-03-01", "2024-03-01"};
  private static final String[] ROLES = {"web", "app", "api", "db", "batch", "cache", "jump", "etl"};
  private static final String[] ZONES = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};

  private static final ImageReference[] WINDOWS_SEED = {
    ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2019-Datacenter"),
    ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2019-Datacenter"),
    ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2016-Datacenter"),
    ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2012-R2-Datacenter"),
    ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2019-Datacenter-Core"),
  };
  private static final ImageReference[] WINDOWS_CURRENT = {
    ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition"),
  };
  private static final ImageReference[] LINUX_SEED = {
    ImageReference.marketplace("Canonical", "UbuntuServer", "18.04-LTS"),
    ImageReference.marketplace("Canonical", "UbuntuServer", "18.04-LTS"),
    ImageReference.marketplace("RedHat", "RHEL", "7.8"),
  };
  private static final ImageReference[] LINUX_CURRENT = {
    ImageReference.marketplace("Canonical", "0001-com-ubuntu-server-focal", "20_04-lts"),
    ImageReference.marketplace("RedHat", "RHEL", "8.2"),
  };
  /** Marketplace images that neither supported-image list names (P8). */
  private static final ImageReference WINDOWS_UNSUPPORTED =
      ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2012-Datacenter");
  private static final ImageReference LINUX_UNSUPPORTED =
      ImageReference.marketplace("Debian", "debian-11", "11");

  /**
   * Windows time zone ids (CLDR windowsZones) for the IANA zones of the bundled region catalogue, so
   * that a VM's own time zone matches its region's geography.
   */
  private static final Map<String, String> WINDOWS_ZONE_OF_IANA = Map.ofEntries(
      Map.entry("America/New_York", "Eastern Standard Time"),
      Map.entry("America/Toronto", "Eastern Standard Time"),
      Map.entry("America/Chicago", "Central Standard Time"),
      Map.entry("America/Denver", "Mountain Standard Time"),
      Map.entry("America/Phoenix", "US Mountain Standard Time"),
      Map.entry("America/Los_Angeles", "Pacific Standard Time"),
      Map.entry("America/Sao_Paulo", "E. South America Standard Time"),
      Map.entry("America/Mexico_City", "Central Standard Time (Mexico)"),
      Map.entry("Europe/Dublin", "GMT Standard Time"),
      Map.entry("Europe/London", "GMT Standard Time"),
      Map.entry("Europe/Amsterdam", "W. Europe Standard Time"),
      Map.entry("Europe/Berlin", "W. Europe Standard Time"),
      Map.entry("Europe/Zurich", "W. Europe Standard Time"),
      Map.entry("Europe/Oslo", "W. Europe Standard Time"),
      Map.entry("Europe/Stockholm", "W. Europe Standard Time"),
      Map.entry("Europe/Rome", "W. Europe Standard Time"),
      Map.entry("Europe/Paris", "Romance Standard Time"),
      Map.entry("Europe/Madrid", "Romance Standard Time"),
      Map.entry("Europe/Warsaw", "Central European Standard Time"),
      Map.entry("Asia/Hong_Kong", "China Standard Time"),
      Map.entry("Asia/Singapore", "Singapore Standard Time"),
      Map.entry("Asia/Tokyo", "Tokyo Standard Time"),
      Map.entry("Asia/Seoul", "Korea Standard Time"),
      Map.entry("Asia/Kolkata", "India Standard Time"),
      Map.entry("Asia/Dubai", "Arabian Standard Time"),
      Map.entry("Asia/Qatar", "Arab Standard Time"),
      Map.entry("Asia/Jerusalem", "Israel Standard Time"),
      Map.entry("Australia/Sydney", "AUS Eastern Standard Time"),
      Map.entry("Australia/Melbourne", "AUS Eastern Standard Time"),
      Map.entry("Pacific/Auckland", "New Zealand Standard Time"),
      Map.entry("Africa/Johannesburg", "South Africa Standard Time"),
      Map.entry("UTC", "UTC"),
      Map.entry("Etc/UTC", "UTC"));

  /** The share of Windows VMs with their own time zone that use UTC rather than the region's zone. */
  private static final double UTC_SHARE = 0.15;
  /** The skew of region sizes: region k of the seeded order weighs {@code 1 / (k+1)^REGION_SKEW}. */
  private static final double REGION_SKEW = 0.85;

  // Reasons a VM is ineligible.
  private static final int ELIGIBLE = 0;
  private static final int BAD_MODE = 1;
  private static final int UNSUPPORTED_IMAGE = 2;
  private static final int CUSTOM_IMAGE = 3;
  private static final int NO_AGENT = 4;
  private static final int OLD_AGENT = 5; // Linux only

  private final FleetShape shape;
  private final long seed;

  private FleetGenerator(FleetShape shape, long seed) {
    this.shape = shape;
    this.seed = seed;
  }

  /** A generator of the fleet of this shape and seed. */
  public static FleetGenerator of(FleetShape shape, long seed) {
    return new FleetGenerator(Objects.requireNonNull(shape, "shape"), seed);
  }

  /** The shape. */
  public FleetShape shape() {
    return shape;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** Hands every VM of the fleet to {@code sink}, in order; holds one VM at a time. */
  public void generate(Consumer<? super VirtualMachine> sink) {
    Objects.requireNonNull(sink, "sink");
    Cursor c = new Cursor();
    while (c.hasNext()) {
      sink.accept(c.next());
    }
  }

  /** The fleet as a lazy, ordered, sized sequential stream; each terminal operation generates afresh. */
  public Stream<VirtualMachine> stream() {
    return StreamSupport.stream(
        () -> Spliterators.spliterator(new Cursor(), shape.vms(),
            Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE | Spliterator.SIZED
            | Spliterator.SUBSIZED,
        false);
  }

  /** The whole fleet in memory, as an unmodifiable list (for 1M VMs, a few hundred MB of heap). */
  public List<VirtualMachine> toList() {
    List<VirtualMachine> vms = new ArrayList<>(shape.vms());
    generate(vms::add);
    return Collections.unmodifiableList(vms);
  }

  /**
   * Writes the fleet as fleet JSON Lines (one {@link VirtualMachine} per line, the format
   * {@link io.guestpatch.model.FleetReader} reads), creating or truncating the file; constant memory.
   *
   * @return the number of VMs written
   * @throws IOException if the file cannot be written
   */
  public long writeJsonLines(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (FleetWriter out = FleetWriter.create(file)) {
      Cursor c = new Cursor();
      while (c.hasNext()) {
        out.write(c.next());
      }
      return out.written();
    }
  }

  @Override
  public String toString() {
    return "FleetGenerator{seed=" + seed + ", " + shape + "}";
  }

  /** The number of VMs per region: skewed weights over a seeded order, at least 1 each if possible. */
  static int[] regionSizes(int vms, int regions, SplittableRandom random) {
    int[] order = new int[regions];
    for (int i = 0; i < regions; i++) {
      order[i] = i;
    }
    for (int i = regions - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double[] weight = new double[regions];
    double total = 0;
    for (int k = 0; k < regions; k++) {
      weight[order[k]] = 1.0 / Math.pow(k + 1, REGION_SKEW);
      total += weight[order[k]];
    }
    int[] size = new int[regions];
    int base = vms >= regions ? 1 : 0;
    long extra = vms - (long) base * regions;
    long given = 0;
    double[] remainder = new double[regions];
    for (int i = 0; i < regions; i++) {
      double quota = extra * weight[i] / total;
      long whole = (long) Math.floor(quota);
      size[i] = (int) (base + whole);
      remainder[i] = quota - whole;
      given += whole;
    }
    // Largest remainder, ties to the heavier (earlier in the seeded order) region.
    Integer[] byRemainder = new Integer[regions];
    for (int k = 0; k < regions; k++) {
      byRemainder[k] = order[k];
    }
    Arrays.sort(byRemainder, (a, b) -> Double.compare(remainder[b], remainder[a]));
    for (int k = 0; given < extra; k = (k + 1) % regions) {
      size[byRemainder[k]]++;
      given++;
    }
    return size;
  }

  /** A GUID-shaped (version 4) subscription id derived from the seed and the index. */
  static String subscriptionId(long seed, int index) {
    long hi = mix(seed ^ (0x9E3779B97F4A7C15L * (2L * index + 1)));
    long lo = mix(hi ^ 0xD1B54A32D192ED03L ^ index);
    hi = (hi & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  /** The SplitMix64 finalizer; the simulation's seeded numbers all go through it. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** One in this many eligible VMs is still being enabled for platform patching (B3): 2%. */
  static final int PENDING_ENABLEMENT_IN = 50;

  /** The instance-view patch status of a VM whose platform patching is being enabled (B3); shared. */
  private static final VirtualMachinePatchStatus PENDING_ENABLEMENT = VirtualMachinePatchStatus.builder()
      .addConfigurationStatuses(InstanceViewStatus.builder()
          .code(io.guestpatch.orchestrator.FleetIndex.PATCH_MODE_PENDING)
          .level(StatusLevelTypes.INFO)
          .displayStatus("Status_PatchModeConfigurationState_Pending")
          .build())
      .build();

  /** Walks the fleet: the generation state, one VM per {@link #next()}. */
  private final class Cursor implements Iterator<VirtualMachine> {
    private final SplittableRandom random = new SplittableRandom(seed);
    private final List<Region> regions = shape.regions();
    private final int[] regionSize;
    private final String[] subscriptionIds = new String[shape.subscriptions()];
    private final ImageReference[] windowsImages;
    private final ImageReference[] linuxImages;
    /** Per region: [kind][time zone slot: none, UTC, the region's]. */
    private WindowsConfiguration[][] windowsConfigs = new WindowsConfiguration[4][3];
    private final LinuxConfiguration linuxEligible;
    private final LinuxConfiguration linuxImageDefault;
    private final LinuxConfiguration linuxNoAgent;

    private int emitted;
    private int regionIndex = -1;
    // The current region.
    private String regionName = "";
    private String[] resourceGroups = new String[0];
    private int zones;
    private String windowsZone = "UTC";
    private int leftInRegion;
    private int setBudget;
    private int setCounter;
    // The current availability set.
    private int setLeft;
    private int setPosition;
    private String setId = "";
    private String setSubscription = "";
    private String setResourceGroup = "";
    private int setFaultDomains;
    private boolean setWindows;
    private int setImage;

    Cursor() {
      regionSize = regionSizes(shape.vms(), regions.size(), random);
      boolean current = shape.imageMix() == FleetShape.ImageMix.CURRENT_LIST;
      windowsImages = current ? concat(WINDOWS_SEED, WINDOWS_CURRENT) : WINDOWS_SEED;
      linuxImages = current ? concat(LINUX_SEED, LINUX_CURRENT) : LINUX_SEED;
      linuxEligible = LinuxConfiguration.builder()
          .provisionVMAgent(true)
          .patchSettings(LinuxPatchSettings.builder().patchMode(LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM).build())
          .build();
      linuxImageDefault = LinuxConfiguration.builder()
          .provisionVMAgent(true)
          .patchSettings(LinuxPatchSettings.builder().patchMode(LinuxVMGuestPatchMode.IMAGE_DEFAULT).build())
          .build();
      linuxNoAgent = LinuxConfiguration.builder()
          .provisionVMAgent(false)
          .patchSettings(LinuxPatchSettings.builder().patchMode(LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM).build())
          .build();
    }

    @Override
    public boolean hasNext() {
      return emitted < shape.vms();
    }

    @Override
    public VirtualMachine next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the fleet has " + shape.vms() + " VMs");
      }
      while (leftInRegion == 0) {
        enterRegion(regionIndex + 1);
      }
      VirtualMachine vm;
      if (setLeft == 0 && setBudget >= shape.minAvailabilitySetSize()) {
        startSet();
      }
      if (setLeft > 0) {
        vm = setMember();
        setLeft--;
      } else {
        vm = standalone();
      }
      leftInRegion--;
      emitted++;
      return vm;
    }

    private void enterRegion(int index) {
      regionIndex = index;
      Region region = regions.get(index);
      regionName = region.name();
      leftInRegion = regionSize[index];
      zones = Math.min(region.availabilityZones(), ZONES.length);
      windowsZone = WINDOWS_ZONE_OF_IANA.getOrDefault(region.timeZone().getId(), "UTC");
      resourceGroups = new String[ROLES.length];
      for (int i = 0; i < ROLES.length; i++) {
        resourceGroups[i] = "rg-" + regionName + "-" + ROLES[i];
      }
      windowsConfigs = new WindowsConfiguration[4][3];
      setBudget = (int) Math.round(leftInRegion * shape.shareInAvailabilitySets());
      setCounter = 0;
      setLeft = 0;
    }

    private void startSet() {
      int min = shape.minAvailabilitySetSize();
      int max = shape.maxAvailabilitySetSize();
      int size;
      boolean small = random.nextDouble() < shape.shareSmallAvailabilitySets();
      if ((small && min <= 9) || max < 10) {
        size = min + random.nextInt(Math.min(9, max) - min + 1);
      } else {
        int lo = Math.max(10, min);
        size = lo + random.nextInt(max - lo + 1);
      }
      size = Math.min(size, setBudget);
      setBudget -= size;
      if (setBudget < min) {
        setBudget = 0; // too few left for another set: they join the VMs outside sets
      }
      setLeft = size;
      setPosition = 0;
      setCounter++;
      setSubscription = pickSubscription();
      setResourceGroup = resourceGroups[random.nextInt(resourceGroups.length)];
      setId = "/subscriptions/" + setSubscription + "/resourceGroups/" + setResourceGroup
          + "/providers/Microsoft.Compute/availabilitySets/avset-" + regionName + "-" + setCounter;
      int maxFd = shape.maxFaultDomains();
      setFaultDomains = maxFd == 1 ? 1 : 2 + random.nextInt(maxFd - 1);
      setWindows = random.nextDouble() < shape.shareWindows();
      setImage = random.nextInt(setWindows ? windowsImages.length : linuxImages.length);
    }

    private VirtualMachine setMember() {
      int position = setPosition++;
      VirtualMachine.Builder b = VirtualMachine.builder()
          .availabilitySetId(setId)
          .platformUpdateDomain(position % shape.updateDomains())
          .platformFaultDomain(position % setFaultDomains);
      return finish(b, setSubscription, setResourceGroup, setWindows, setImage);
    }

    private VirtualMachine standalone() {
      VirtualMachine.Builder b = VirtualMachine.builder();
      String subscription = pickSubscription();
      String resourceGroup = resourceGroups[random.nextInt(resourceGroups.length)];
      if (zones > 0 && random.nextDouble() < shape.shareZonal()) {
        b.zone(ZONES[random.nextInt(zones)]);
      }
      boolean windows = random.nextDouble() < shape.shareWindows();
      int image = random.nextInt(windows ? windowsImages.length : linuxImages.length);
      return finish(b, subscription, resourceGroup, windows, image);
    }

    /** Identity, OS, image, configuration, agent and power state; draws in a fixed order. */
    private VirtualMachine finish(
        VirtualMachine.Builder b, String subscription, String resourceGroup, boolean windows, int image) {
      int index = emitted;
      String name = ROLES[random.nextInt(ROLES.length)] + "-" + regionName + "-" + index;
      int reason = ELIGIBLE;
      if (random.nextDouble() < shape.shareIneligible()) {
        reason = 1 + random.nextInt(windows ? 4 : 5);
      }
      boolean ownZone = windows && random.nextDouble() < shape.shareWindowsWithTimeZone();
      int zoneSlot = ownZone ? (random.nextDouble() < UTC_SHARE ? 1 : 2) : 0;
      boolean deallocated = random.nextDouble() < shape.shareDeallocated();
      int pick = random.nextInt(1 << 16);

      b.id("/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup
              + "/providers/Microsoft.Compute/virtualMachines/" + name)
          .name(name)
          .subscriptionId(subscription)
          .resourceGroup(resourceGroup)
          .region(regionName)
          .osType(windows ? OperatingSystemTypes.WINDOWS : OperatingSystemTypes.LINUX)
          .powerState(deallocated ? PowerState.DEALLOCATED : PowerState.RUNNING)
          .apiVersion(API_VERSIONS[pick % API_VERSIONS.length]);

      if (reason == UNSUPPORTED_IMAGE) {
        b.imageReference(windows ? WINDOWS_UNSUPPORTED : LINUX_UNSUPPORTED);
      } else if (reason == CUSTOM_IMAGE) {
        b.imageReference(ImageReference.builder()
            .id("/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Compute/galleries/golden/images/"
                + (windows ? "windows-base" : "linux-base") + "/versions/1.0." + (pick % 7))
            .build());
      } else {
        b.imageReference(windows ? windowsImages[image] : linuxImages[image]);
      }

      if (windows) {
        b.windowsConfiguration(windowsConfig(reason == BAD_MODE ? ((pick >>> 8) & 1) + 1 : reason == NO_AGENT ? 3 : 0, zoneSlot));
        if (reason != NO_AGENT) {
          b.vmAgentVersion(WINDOWS_AGENTS[(pick >>> 4) % WINDOWS_AGENTS.length]);
        }
      } else {
        b.linuxConfiguration(reason == BAD_MODE ? linuxImageDefault : reason == NO_AGENT ? linuxNoAgent : linuxEligible);
        if (reason == OLD_AGENT) {
          b.vmAgentVersion(OLD_LINUX_AGENTS[(pick >>> 4) % OLD_LINUX_AGENTS.length]);
        } else if (reason != NO_AGENT) {
          b.vmAgentVersion(LINUX_AGENTS[(pick >>> 4) % LINUX_AGENTS.length]);
        }
      }
      // B3: a share of eligible VMs was just set to AutomaticByPlatform and is still being enabled. Drawn
      // from a hash of the VM number, not the random stream, so every other draw stays as it was.
      if (reason == ELIGIBLE && Long.remainderUnsigned(mix(seed ^ 0xE4AB1EL ^ (0x9E3779B97F4A7C15L * (index + 1))), PENDING_ENABLEMENT_IN) == 0) {
        b.patchStatus(PENDING_ENABLEMENT);
      }
      return b.build();
    }

    /**
     * One shared configuration per kind and time zone: 0 eligible, 1 {@code Manual}, 2
     * {@code AutomaticByOS}, 3 no agent.
     */
    private WindowsConfiguration windowsConfig(int kind, int zoneSlot) {
      WindowsConfiguration c = windowsConfigs[kind][zoneSlot];
      if (c == null) {
        WindowsVMGuestPatchMode mode = kind == 1
            ? WindowsVMGuestPatchMode.MANUAL
            : kind == 2 ? WindowsVMGuestPatchMode.AUTOMATIC_BY_OS : WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM;
        WindowsConfiguration.Builder b = WindowsConfiguration.builder()
            .provisionVMAgent(kind != 3)
            .enableAutomaticUpdates(kind != 1)
            .patchSettings(PatchSettings.builder().patchMode(mode).build());
        if (zoneSlot != 0) {
          b.timeZone(zoneSlot == 1 ? "UTC" : windowsZone);
        }
        c = b.build();
        windowsConfigs[kind][zoneSlot] = c;
      }
      return c;
    }

    /** A subscription, skewed so that a few large subscriptions hold many VMs. */
    private String pickSubscription() {
      double u = random.nextDouble();
      int index = (int) (subscriptionIds.length * u * u);
      String id = subscriptionIds[index];
      if (id == null) {
        id = subscriptionId(seed, index);
        subscriptionIds[index] = id;
      }
      return id;
    }
  }

  private static ImageReference[] concat(ImageReference[] a, ImageReference[] b) {
    ImageReference[] all = new ImageReference[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
