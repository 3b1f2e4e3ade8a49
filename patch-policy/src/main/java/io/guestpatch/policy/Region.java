package io.guestpatch.policy;

import java.time.ZoneId;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One Azure region of a {@link RegionCatalogue}: its name as ARM writes it ({@code eastus}), display
 * name, geography, the paired region named by the catalogue (possibly one-way), its time zone and its
 * number of availability zones. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Region {
  /** The ARM name, lower case without spaces, such as {@code eastus}. */
  public abstract String name();

  /** The display name, such as {@code East US}. */
  @Value.Default
  public String displayName() {
    return name();
  }

  /** The geography, such as {@code United States}. */
  @Value.Default
  public String geography() {
    return "";
  }

  /** The paired region as the catalogue lists it; pairs are made symmetric by the catalogue. */
  public abstract Optional<String> pairedRegion();

  /** The region's time zone, used for VMs without their own (W1). */
  @Value.Default
  public ZoneId timeZone() {
    return ZoneId.of("UTC");
  }

  /** The number of availability zones (0 when the region has none). */
  @Value.Default
  public int availabilityZones() {
    return 0;
  }

  @Value.Check
  protected void check() {
    if (!RegionCatalogue.normalize(name()).equals(name()) || name().isEmpty()) {
      throw new IllegalStateException(
          "region name '" + name() + "' must be lower case without spaces, as ARM writes it");
    }
    if (availabilityZones() < 0) {
      throw new IllegalStateException("availabilityZones of " + name() + " must not be negative");
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Region} values; not thread-safe. */
  public static final class Builder extends ImmutableRegion.Builder {
    Builder() {}
  }
}
