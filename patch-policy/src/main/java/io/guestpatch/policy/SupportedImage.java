package io.guestpatch.policy;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of an {@link ImageCatalogue}: a publisher, an offer and a SKU pattern, and whether the
 * images it matches can be hotpatched.
 *
 * <p>Publisher and offer match case-insensitively and exactly. The SKU pattern is one of:
 *
 * <ul>
 *   <li>a literal SKU, matched case-insensitively ({@code 2019-Datacenter} matches
 *       {@code 2019-datacenter});
 *   <li>a <em>family</em> pattern ending in {@code .x} ({@code 7.x}): the prefix before {@code .x},
 *       then one of {@code .}, {@code _} or {@code -}, then at least one more character; so
 *       {@code 7.x} matches {@code 7.2}, {@code 7_9}, {@code 7-LVM} but neither {@code 7},
 *       {@code 70} nor {@code 8.1};
 *   <li>a <em>glob</em> containing {@code *}, where each {@code *} stands for any run of characters,
 *       possibly empty ({@code 7*} matches {@code 7}, {@code 7.2} and {@code 70};
 *       {@code 2022-datacenter*} matches every 2022 Datacenter SKU).
 * </ul>
 *
 * A pattern must not be blank nor contain whitespace or {@code ?}.
 *
 * <p>Immutable and thread-safe; {@link #matches} allocates nothing.
 */
public final class SupportedImage {
  private enum Kind {
    LITERAL,
    FAMILY,
    GLOB
  }

  private final String publisher;
  private final String offer;
  private final String sku;
  private final boolean hotpatchCapable;
  private final Kind kind;
  private final String familyPrefix;
  /** The compiled SKU pattern of a {@link Kind#GLOB} row; null for the other kinds. */
  private final Globs.@Nullable Glob skuGlob;

  private SupportedImage(String publisher, String offer, String sku, boolean hotpatchCapable) {
    this.publisher = publisher;
    this.offer = offer;
    this.sku = sku;
    this.hotpatchCapable = hotpatchCapable;
    if (sku.indexOf('*') >= 0) {
      kind = Kind.GLOB;
      familyPrefix = "";
      // of() rejects '?', so the Windows mask syntax leaves '*' as the only wildcard.
      skuGlob = Globs.windowsMask(sku);
    } else if (sku.length() > 2 && sku.regionMatches(true, sku.length() - 2, ".x", 0, 2)) {
      kind = Kind.FAMILY;
      familyPrefix = sku.substring(0, sku.length() - 2);
      skuGlob = null;
    } else {
      kind = Kind.LITERAL;
      familyPrefix = "";
      skuGlob = null;
    }
  }

  /**
   * A catalogue row.
   *
   * @param publisher the image publisher, such as {@code RedHat}
   * @param offer the image offer, such as {@code RHEL}
   * @param skuPattern a SKU or SKU pattern (see the class comment), such as {@code 7.x}
   * @param hotpatchCapable whether matching images support {@code enableHotpatching}
   * @throws IllegalArgumentException if a value is blank or the pattern contains whitespace or
   *     {@code ?}
   */
  public static SupportedImage of(
      String publisher, String offer, String skuPattern, boolean hotpatchCapable) {
    requireName(publisher, "publisher");
    requireName(offer, "offer");
    requireName(skuPattern, "sku");
    if (skuPattern.indexOf('?') >= 0) {
      throw new IllegalArgumentException(
          "sku pattern '" + skuPattern + "' contains '?': only '*' and a final '.x' are patterns");
    }
    return new SupportedImage(publisher, offer, skuPattern, hotpatchCapable);
  }

  static void requireName(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        throw new IllegalArgumentException(
            field + " '" + value + "' must not contain whitespace");
      }
    }
  }

  /** The publisher as written in the catalogue. */
  public String publisher() {
    return publisher;
  }

  /** The offer as written in the catalogue. */
  public String offer() {
    return offer;
  }

  /** The SKU or SKU pattern as written in the catalogue. */
  public String skuPattern() {
    return sku;
  }

  /** Whether matching images support hotpatching (P6). */
  public boolean isHotpatchCapable() {
    return hotpatchCapable;
  }

  /** Whether this row covers the publisher, offer and SKU (all case-insensitive). */
  public boolean matches(String imagePublisher, String imageOffer, String imageSku) {
    return publisher.equalsIgnoreCase(imagePublisher)
        && offer.equalsIgnoreCase(imageOffer)
        && matchesSku(imageSku);
  }

  /** Whether the SKU pattern covers this SKU (case-insensitive). */
  public boolean matchesSku(String imageSku) {
    switch (kind) {
      case LITERAL:
        return sku.equalsIgnoreCase(imageSku);
      case FAMILY:
        int p = familyPrefix.length();
        if (imageSku.length() < p + 2 || !imageSku.regionMatches(true, 0, familyPrefix, 0, p)) {
          return false;
        }
        char sep = imageSku.charAt(p);
        return sep == '.' || sep == '_' || sep == '-';
      default:
        return skuGlob.matches(imageSku);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SupportedImage)) {
      return false;
    }
    SupportedImage other = (SupportedImage) o;
    return publisher.equalsIgnoreCase(other.publisher)
        && offer.equalsIgnoreCase(other.offer)
        && sku.equalsIgnoreCase(other.sku)
        && hotpatchCapable == other.hotpatchCapable;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        publisher.toLowerCase(Locale.ROOT),
        offer.toLowerCase(Locale.ROOT),
        sku.toLowerCase(Locale.ROOT),
        hotpatchCapable);
  }

  @Override
  public String toString() {
    return publisher + ":" + offer + ":" + sku + (hotpatchCapable ? " (hotpatch)" : "");
  }
}
