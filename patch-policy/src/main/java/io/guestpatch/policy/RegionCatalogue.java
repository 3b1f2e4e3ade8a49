package io.guestpatch.policy;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of Azure regions: names, pairs, time zones and zone counts (SPEC 3.8).
 *
 * <p>{@link #ofDefaults()} is the bundled {@code azure-regions.csv}; {@link #builder()} starts from
 * nothing or from another catalogue and adds regions and pairs. Pairs are symmetric here even where the
 * source lists them one way (e.g. {@code westus3 -> eastus}): the never-together rule (I1) must hold
 * in both directions. Region names are matched ignoring case and spaces.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegionCatalogue {
  private static final String RESOURCE = "azure-regions.csv";
  private static final String HEADER =
      "name,displayName,geography,pairedRegion,timeZone,availabilityZones";

  private final ImmutableMap<String, Region> regions;
  private final ImmutableMap<String, ImmutableSet<String>> pairs;
  /** Each region's time zone, wrapped once so that {@link #timeZoneOf} allocates nothing. */
  private final ImmutableMap<String, Optional<ZoneId>> zones;

  private RegionCatalogue(Map<String, Region> regions, Map<String, Set<String>> pairs) {
    this.regions = ImmutableMap.copyOf(regions);
    ImmutableMap.Builder<String, Optional<ZoneId>> z = ImmutableMap.builder();
    this.regions.forEach((k, v) -> z.put(k, Optional.of(v.timeZone())));
    this.zones = z.buildOrThrow();
    ImmutableMap.Builder<String, ImmutableSet<String>> p = ImmutableMap.builder();
    pairs.forEach((k, v) -> p.put(k, ImmutableSet.copyOf(v)));
    this.pairs = p.buildOrThrow();
  }

  /** The bundled catalogue. */
  public static RegionCatalogue ofDefaults() {
    return Defaults.INSTANCE;
  }

  /** A builder with no regions. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this catalogue's regions and pairs, to add to. */
  public Builder toBuilder() {
    Builder b = new Builder();
    regions.values().forEach(b::addRegion);
    pairs.forEach((a, set) -> set.forEach(other -> b.addPair(a, other)));
    return b;
  }

  /** The region of that name (ignoring case and spaces). */
  public Optional<Region> region(String name) {
    return Optional.ofNullable(regions.get(normalize(name)));
  }

  /** Every region, in catalogue order. */
  public Collection<Region> regions() {
    return regions.values();
  }

  /** The regions paired with this one, in either direction; empty for an unknown region. */
  public Set<String> pairedWith(String region) {
    ImmutableSet<String> set = pairs.get(normalize(region));
    return set == null ? ImmutableSet.of() : set;
  }

  /** Whether the two regions are paired, in either direction. */
  public boolean arePaired(String a, String b) {
    return pairedWith(a).contains(normalize(b));
  }

  /** The time zone of a region, when the catalogue knows the region (W1). */
  public Optional<ZoneId> timeZoneOf(String region) {
    Optional<ZoneId> zone = zones.get(normalize(region));
    return zone == null ? Optional.empty() : zone;
  }

  /**
   * Reads a catalogue in the bundled CSV format ({@value #HEADER}); blank lines and lines starting with
   * {@code #} are skipped.
   *
   * @param source names the input in error messages
   * @throws IllegalArgumentException naming the source, line and column of the first bad line
   */
  public static RegionCatalogue fromCsv(Reader reader, String source) {
    Builder b = builder();
    try {
      b.addCsv(reader, source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read region catalogue " + source, e);
    }
    return b.build();
  }

  static String normalize(String name) {
    if (isNormalized(name)) {
      return name; // the common case, such as "eastus": no copy
    }
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** Whether the name is ASCII without upper-case letters or white space, so normalizing keeps it. */
  private static boolean isNormalized(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 128 || (c >= 'A' && c <= 'Z') || Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** Builds a {@link RegionCatalogue}; not thread-safe. */
  public static final class Builder {
    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final Map<String, Set<String>> pairs = new LinkedHashMap<>();

    private Builder() {}

    /** Adds or replaces a region; its listed pair is added both ways. */
    public Builder addRegion(Region region) {
      regions.put(region.name(), region);
      region.pairedRegion().ifPresent(p -> addPair(region.name(), p));
      return this;
    }

    /**
     * Pairs two regions, in both directions.
     *
     * @throws IllegalArgumentException if a name is blank or both names are the same region
     */
    public Builder addPair(String a, String b) {
      String na = normalize(a);
      String nb = normalize(b);
      if (na.isEmpty() || nb.isEmpty()) {
        throw new IllegalArgumentException("a region pair needs two region names, got '" + a + "' and '" + b + "'");
      }
      if (na.equals(nb)) {
        throw new IllegalArgumentException("region '" + a + "' cannot be paired with itself");
      }
      pairs.computeIfAbsent(na, k -> new LinkedHashSet<>()).add(nb);
      pairs.computeIfAbsent(nb, k -> new LinkedHashSet<>()).add(na);
      return this;
    }

    /** Adds every region of a CSV in the bundled format. */
    public Builder addCsv(Reader reader, String source) throws IOException {
      BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
      String line;
      int lineNo = 0;
      boolean headerSeen = false;
      List<String> errors = new ArrayList<>();
      while ((line = in.readLine()) != null) {
        lineNo++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        if (!headerSeen) {
          headerSeen = true;
          if (t.equalsIgnoreCase(HEADER)) {
            continue;
          }
        }
        String[] f = t.split(",", -1);
        if (f.length != 6) {
          errors.add(source + " line " + lineNo + ": expected 6 comma-separated fields (" + HEADER + "), found " + f.length);
          continue;
        }
        try {
          Region.Builder r = Region.builder().name(normalize(f[0])).displayName(f[1].strip()).geography(f[2].strip());
          if (!f[3].isBlank()) {
            r.pairedRegion(normalize(f[3]));
          }
          r.timeZone(ZoneId.of(f[4].strip()));
          r.availabilityZones(Integer.parseInt(f[5].strip()));
          addRegion(r.build());
        } catch (DateTimeException e) {
          errors.add(source + " line " + lineNo + ", column timeZone: '" + f[4] + "' is not an IANA time zone id such as Europe/London");
        } catch (NumberFormatException e) {
          errors.add(source + " line " + lineNo + ", column availabilityZones: '" + f[5] + "' is not a whole number");
        } catch (IllegalStateException e) {
          errors.add(source + " line " + lineNo + ": " + e.getMessage());
        }
      }
      if (!errors.isEmpty()) {
        throw new IllegalArgumentException(String.join("\n", errors));
      }
      return this;
    }

    /** The catalogue. */
    public RegionCatalogue build() {
      return new RegionCatalogue(regions, pairs);
    }
  }

  private static final class Defaults {
    static final RegionCatalogue INSTANCE = load();

    private static RegionCatalogue load() {
      try (InputStream in = RegionCatalogue.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("bundled resource " + RESOURCE + " is missing from the jar");
        }
        return fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
