package io.guestpatch.orchestrator.simulation;

import io.guestpatch.policy.Region;
import io.guestpatch.policy.RegionCatalogue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The shape of a synthetic fleet: how many VMs, in which regions, how many subscriptions, and the share
 * of VMs in availability sets, in zones, on Windows, ineligible for automatic patching, deallocated,
 * and with their own Windows time zone. A {@link FleetGenerator} turns a shape and a seed into VMs.
 *
 * <p>{@link #ofDefaults(int)} gives a realistic mix; {@link #builder()} changes any knob. Every share is
 * a fraction in {@code [0, 1]}; the generator draws against it per VM (or per availability set), so the
 * shares hold within sampling error on large fleets.
 *
 * <pre>{@code
 * FleetShape shape = FleetShape.builder()
 *     .vms(100_000)
 *     .regions("eastus", "westus", "westeurope")
 *     .shareWindows(0.5)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} checks every knob at once and throws
 * {@link IllegalArgumentException} naming each bad one and the range it must be in.
 */
public final class FleetShape {
  /** The largest availability set Azure allows. */
  static final int MAX_SET_SIZE = 200;

  /** The images eligible VMs are created from. */
  public enum ImageMix {
    /**
     * Only images that both editions of the supported-image catalogue list (SPEC 3.8): Canonical
     * UbuntuServer 18.04-LTS, RedHat RHEL 7.8, MicrosoftWindowsServer WindowsServer 2012-R2-Datacenter,
     * 2016-Datacenter, 2019-Datacenter and 2019-Datacenter-Core. Eligible VMs stay eligible whichever
     * edition the policy uses. The default.
     */
    SEED_LIST,
    /**
     * {@link #SEED_LIST} plus images that only the current public list supports: Canonical
     * 0001-com-ubuntu-server-focal 20_04-lts, RedHat RHEL 8.2 and WindowsServer
     * 2022-datacenter-azure-edition. Under the seed's catalogue edition those VMs are ineligible (P8).
     */
    CURRENT_LIST
  }

  private final int vms;
  private final RegionCatalogue catalogue;
  private final List<Region> regions;
  private final int subscriptions;
  private final double shareInAvailabilitySets;
  private final int minAvailabilitySetSize;
  private final int maxAvailabilitySetSize;
  private final double shareSmallAvailabilitySets;
  private final int updateDomains;
  private final int maxFaultDomains;
  private final double shareZonal;
  private final double shareWindows;
  private final double shareIneligible;
  private final double shareDeallocated;
  private final double shareWindowsWithTimeZone;
  private final ImageMix imageMix;

  private FleetShape(Builder b, List<Region> regions, int subscriptions) {
    this.vms = b.vms;
    this.catalogue = b.catalogue;
    this.regions = List.copyOf(regions);
    this.subscriptions = subscriptions;
    this.shareInAvailabilitySets = b.shareInAvailabilitySets;
    this.minAvailabilitySetSize = b.minAvailabilitySetSize;
    this.maxAvailabilitySetSize = b.maxAvailabilitySetSize;
    this.shareSmallAvailabilitySets = b.shareSmallAvailabilitySets;
    this.updateDomains = b.updateDomains;
    this.maxFaultDomains = b.maxFaultDomains;
    this.shareZonal = b.shareZonal;
    this.shareWindows = b.shareWindows;
    this.shareIneligible = b.shareIneligible;
    this.shareDeallocated = b.shareDeallocated;
    this.shareWindowsWithTimeZone = b.shareWindowsWithTimeZone;
    this.imageMix = b.imageMix;
  }

  /**
   * The default shape for a fleet of {@code vms} VMs: every region of
   * {@link RegionCatalogue#ofDefaults()}, about one subscription per 250 VMs, 30% in availability sets
   * of 2 to 50 VMs with 5 update domains and 2 or 3 fault domains, half of the other VMs zonal where the
   * region has zones, 40% Windows, 5% ineligible, 3% deallocated, half the Windows VMs with their own
   * time zone.
   *
   * @throws IllegalArgumentException if {@code vms} is less than 1
   */
  public static FleetShape ofDefaults(int vms) {
    return builder().vms(vms).build();
  }

  /** A builder with the default knobs and no VM count yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this shape's knobs. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.vms = vms;
    b.catalogue = catalogue;
    List<String> names = new ArrayList<>(regions.size());
    regions.forEach(r -> names.add(r.name()));
    b.regionNames = Optional.of(List.copyOf(names));
    b.subscriptions = OptionalInt.of(subscriptions);
    b.shareInAvailabilitySets = shareInAvailabilitySets;
    b.minAvailabilitySetSize = minAvailabilitySetSize;
    b.maxAvailabilitySetSize = maxAvailabilitySetSize;
    b.shareSmallAvailabilitySets = shareSmallAvailabilitySets;
    b.updateDomains = updateDomains;
    b.maxFaultDomains = maxFaultDomains;
    b.shareZonal = shareZonal;
    b.shareWindows = shareWindows;
    b.shareIneligible = shareIneligible;
    b.shareDeallocated = shareDeallocated;
    b.shareWindowsWithTimeZone = shareWindowsWithTimeZone;
    b.imageMix = imageMix;
    return b;
  }

  /** The number of VMs. */
  public int vms() {
    return vms;
  }

  /** The catalogue the regions come from. */
  public RegionCatalogue regionCatalogue() {
    return catalogue;
  }

  /** The regions VMs are placed in, in catalogue order (or the order given). */
  public List<Region> regions() {
    return regions;
  }

  /** The number of subscriptions VMs are spread over. */
  public int subscriptions() {
    return subscriptions;
  }

  /** The share of VMs placed in availability sets. */
  public double shareInAvailabilitySets() {
    return shareInAvailabilitySets;
  }

  /** The smallest availability set drawn. */
  public int minAvailabilitySetSize() {
    return minAvailabilitySetSize;
  }

  /** The largest availability set drawn. */
  public int maxAvailabilitySetSize() {
    return maxAvailabilitySetSize;
  }

  /** The share of availability sets with fewer than 10 VMs (those are patched one VM at a time, I4). */
  public double shareSmallAvailabilitySets() {
    return shareSmallAvailabilitySets;
  }

  /** The update domains of each availability set; members take them round-robin from 0. */
  public int updateDomains() {
    return updateDomains;
  }

  /** The most fault domains of a set; each set gets 2 to this many (or 1 when this is 1). */
  public int maxFaultDomains() {
    return maxFaultDomains;
  }

  /** The share of VMs outside availability sets, in regions with zones, that are pinned to a zone. */
  public double shareZonal() {
    return shareZonal;
  }

  /** The share of Windows VMs (drawn per availability set for set members). */
  public double shareWindows() {
    return shareWindows;
  }

  /** The share of VMs that automatic patching must skip (E-rules). */
  public double shareIneligible() {
    return shareIneligible;
  }

  /** The share of deallocated VMs. */
  public double shareDeallocated() {
    return shareDeallocated;
  }

  /** The share of Windows VMs with a Windows time zone name in {@code windowsConfiguration.timeZone}. */
  public double shareWindowsWithTimeZone() {
    return shareWindowsWithTimeZone;
  }

  /** The images eligible VMs are created from. */
  public ImageMix imageMix() {
    return imageMix;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FleetShape)) {
      return false;
    }
    FleetShape s = (FleetShape) o;
    return vms == s.vms
        && catalogue == s.catalogue
        && regions.equals(s.regions)
        && subscriptions == s.subscriptions
        && shareInAvailabilitySets == s.shareInAvailabilitySets
        && minAvailabilitySetSize == s.minAvailabilitySetSize
        && maxAvailabilitySetSize == s.maxAvailabilitySetSize
        && shareSmallAvailabilitySets == s.shareSmallAvailabilitySets
        && updateDomains == s.updateDomains
        && maxFaultDomains == s.maxFaultDomains
        && shareZonal == s.shareZonal
        && shareWindows == s.shareWindows
        && shareIneligible == s.shareIneligible
        && shareDeallocated == s.shareDeallocated
        && shareWindowsWithTimeZone == s.shareWindowsWithTimeZone
        && imageMix == s.imageMix;
  }

  @Override
  public int hashCode() {
    return Objects.hash(vms, regions, subscriptions, shareInAvailabilitySets, minAvailabilitySetSize,
        maxAvailabilitySetSize, shareSmallAvailabilitySets, updateDomains, maxFaultDomains, shareZonal,
        shareWindows, shareIneligible, shareDeallocated, shareWindowsWithTimeZone, imageMix);
  }

  @Override
  public String toString() {
    return "FleetShape{vms=" + vms + ", regions=" + regions.size() + ", subscriptions=" + subscriptions
        + ", shareInAvailabilitySets=" + shareInAvailabilitySets
        + ", availabilitySetSize=" + minAvailabilitySetSize + ".." + maxAvailabilitySetSize
        + ", shareSmallAvailabilitySets=" + shareSmallAvailabilitySets
        + ", updateDomains=" + updateDomains + ", maxFaultDomains=" + maxFaultDomains
        + ", shareZonal=" + shareZonal + ", shareWindows=" + shareWindows
        + ", shareIneligible=" + shareIneligible + ", shareDeallocated=" + shareDeallocated
        + ", shareWindowsWithTimeZone=" + shareWindowsWithTimeZone + ", imageMix=" + imageMix + "}";
  }

  /**
   * Builds a {@link FleetShape}; starts from the defaults of {@link FleetShape#ofDefaults(int)}.
   * Setters store their argument; {@link #build()} checks them all. Not thread-safe.
   */
  public static final class Builder {
    private int vms;
    private RegionCatalogue catalogue = RegionCatalogue.ofDefaults();
    private Optional<List<String>> regionNames = Optional.empty();
    private OptionalInt subscriptions = OptionalInt.empty();
    private double shareInAvailabilitySets = 0.3;
    private int minAvailabilitySetSize = 2;
    private int maxAvailabilitySetSize = 50;
    private double shareSmallAvailabilitySets = 0.4;
    private int updateDomains = 5;
    private int maxFaultDomains = 3;
    private double shareZonal = 0.5;
    private double shareWindows = 0.4;
    private double shareIneligible = 0.05;
    private double shareDeallocated = 0.03;
    private double shareWindowsWithTimeZone = 0.5;
    private ImageMix imageMix = ImageMix.SEED_LIST;

    private Builder() {}

    /** The number of VMs, at least 1. Required. */
    public Builder vms(int vms) {
      this.vms = vms;
      return this;
    }

    /** The catalogue regions come from; default {@link RegionCatalogue#ofDefaults()}. */
    public Builder regionCatalogue(RegionCatalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    /** Places VMs only in these regions of the catalogue (ignoring case and spaces); default: all. */
    public Builder regions(String... names) {
      return regions(List.of(names));
    }

    /** Places VMs only in these regions of the catalogue (ignoring case and spaces); default: all. */
    public Builder regions(Collection<String> names) {
      this.regionNames = Optional.of(List.copyOf(names));
      return this;
    }

    /** Places VMs in every region of the catalogue (the default). */
    public Builder allRegions() {
      this.regionNames = Optional.empty();
      return this;
    }

    /** The number of subscriptions, at least 1; default {@code max(1, round(vms / 250))}. */
    public Builder subscriptions(int subscriptions) {
      this.subscriptions = OptionalInt.of(subscriptions);
      return this;
    }

    /** The share of VMs in availability sets; default 0.3. */
    public Builder shareInAvailabilitySets(double share) {
      this.shareInAvailabilitySets = share;
      return this;
    }

    /**
     * The sizes availability sets are drawn from: a {@code shareSmall} of sets take a size in
     * {@code [min, 9]}, the others in {@code [10, max]} (clipped to {@code [min, max]}); default 2, 50,
     * 0.4. Sizes run from 1 to 200 (Azure's limit).
     */
    public Builder availabilitySetSize(int min, int max, double shareSmall) {
      this.minAvailabilitySetSize = min;
      this.maxAvailabilitySetSize = max;
      this.shareSmallAvailabilitySets = shareSmall;
      return this;
    }

    /** Update domains per availability set, 1 to 20; default 5. */
    public Builder updateDomains(int updateDomains) {
      this.updateDomains = updateDomains;
      return this;
    }

    /** The most fault domains per availability set, 1 to 3; default 3 (sets get 2 or 3). */
    public Builder maxFaultDomains(int maxFaultDomains) {
      this.maxFaultDomains = maxFaultDomains;
      return this;
    }

    /** The share of VMs outside sets pinned to a zone where the region has zones; default 0.5. */
    public Builder shareZonal(double share) {
      this.shareZonal = share;
      return this;
    }

    /** The share of Windows VMs; default 0.4. */
    public Builder shareWindows(double share) {
      this.shareWindows = share;
      return this;
    }

    /** The share of VMs ineligible for automatic patching; default 0.05. */
    public Builder shareIneligible(double share) {
      this.shareIneligible = share;
      return this;
    }

    /** The share of deallocated VMs; default 0.03. */
    public Builder shareDeallocated(double share) {
      this.shareDeallocated = share;
      return this;
    }

    /** The share of Windows VMs with their own Windows time zone name; default 0.5. */
    public Builder shareWindowsWithTimeZone(double share) {
      this.shareWindowsWithTimeZone = share;
      return this;
    }

    /** The images eligible VMs use; default {@link ImageMix#SEED_LIST}. */
    public Builder imageMix(ImageMix imageMix) {
      this.imageMix = Objects.requireNonNull(imageMix, "imageMix");
      return this;
    }

    /**
     * The shape.
     *
     * @throws IllegalArgumentException naming every knob out of range, or a region the catalogue does
     *     not know
     */
    public FleetShape build() {
      List<String> errors = new ArrayList<>();
      if (vms < 1) {
        errors.add("vms must be at least 1, got " + vms);
      }
      List<Region> regions = new ArrayList<>();
      if (regionNames.isEmpty()) {
        regions.addAll(catalogue.regions());
        if (regions.isEmpty()) {
          errors.add("regionCatalogue has no regions; add at least one");
        }
      } else if (regionNames.get().isEmpty()) {
        errors.add("regions must name at least one region of the catalogue, or use allRegions()");
      } else {
        Set<String> seen = new LinkedHashSet<>();
        for (String name : regionNames.get()) {
          Optional<Region> r = catalogue.region(name);
          if (r.isEmpty()) {
            errors.add("regions: '" + name + "' is not in the region catalogue; use a name such as eastus");
          } else if (!seen.add(r.get().name())) {
            errors.add("regions: '" + name + "' is given twice; name each region once");
          } else {
            regions.add(r.get());
          }
        }
      }
      int subs = subscriptions.orElse((int) Math.max(1L, Math.round(vms / 250.0)));
      if (subs < 1) {
        errors.add("subscriptions must be at least 1, got " + subs);
      }
      share(errors, "shareInAvailabilitySets", shareInAvailabilitySets);
      share(errors, "shareSmallAvailabilitySets", shareSmallAvailabilitySets);
      share(errors, "shareZonal", shareZonal);
      share(errors, "shareWindows", shareWindows);
      share(errors, "shareIneligible", shareIneligible);
      share(errors, "shareDeallocated", shareDeallocated);
      share(errors, "shareWindowsWithTimeZone", shareWindowsWithTimeZone);
      if (minAvailabilitySetSize < 1 || maxAvailabilitySetSize > MAX_SET_SIZE
          || minAvailabilitySetSize > maxAvailabilitySetSize) {
        errors.add("availabilitySetSize must satisfy 1 <= min <= max <= " + MAX_SET_SIZE + ", got min "
            + minAvailabilitySetSize + " and max " + maxAvailabilitySetSize);
      }
      if (updateDomains < 1 || updateDomains > 20) {
        errors.add("updateDomains must be 1 to 20, got " + updateDomains);
      }
      if (maxFaultDomains < 1 || maxFaultDomains > 3) {
        errors.add("maxFaultDomains must be 1 to 3, got " + maxFaultDomains);
      }
      if (!errors.isEmpty()) {
        throw new IllegalArgumentException("invalid fleet shape: " + String.join("; ", errors));
      }
      return new FleetShape(this, regions, subs);
    }

    private static void share(List<String> errors, String name, double value) {
      if (!(value >= 0.0 && value <= 1.0)) {
        errors.add(name + " must be a fraction from 0 to 1, got " + value);
      }
    }
  }
}
