package io.guestpatch.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestpatch.model.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The images on which automatic VM guest patching ({@code AutomaticByPlatform}) is supported, and
 * which of them can be hotpatched (SPEC 3.8, rules P6, P8, E2).
 *
 * <p>Two editions ship: {@link #seed()} (the seed's table, the default of
 * {@link PatchSettingsPolicy#ofDefaults()}) and {@link #current()} (the longer public list: the 2021
 * preview article's images plus the 2024 article's, with the 2024 hotpatchable Windows images
 * marked). Users load their own with {@link #fromJson(Reader)} and combine with {@link #plus}.
 *
 * <p>An image is supported when some row's publisher and offer equal the image's (ignoring case) and
 * its SKU pattern matches the image's SKU (see {@link SupportedImage} for the pattern syntax). A
 * custom image ({@link ImageReference#isCustom()}) or a reference without publisher, offer or SKU is
 * never supported.
 *
 * <p>JSON format (UTF-8):
 *
 * <pre>{@code
 * {
 *   "edition": "my-fleet",                  // optional, a name for messages
 *   "description": "...",                   // optional
 *   "images": [
 *     {"publisher": "RedHat", "offer": "RHEL", "skus": ["7.x", "8_*"]},
 *     {"publisher": "MicrosoftWindowsServer", "offer": "WindowsServer",
 *      "skus": ["2022-datacenter-azure-edition"], "hotpatchCapable": true}
 *   ]
 * }
 * }</pre>
 *
 * A bare array of image entries is accepted too. Unknown members are errors (they are usually typos).
 *
 * <p>Immutable and thread-safe. Lookups allocate nothing. Bundled editions are read once, when first
 * asked for.
 */
public final class ImageCatalogue {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> TOP_LEVEL_FIELDS = Set.of("edition", "description", "images");
  private static final Set<String> ENTRY_FIELDS =
      Set.of("publisher", "offer", "skus", "hotpatchCapable");

  private final String edition;
  private final List<SupportedImage> images;
  /** Rows by offer, ignoring case: the lookup touches only the rows of the image's offer. */
  private final Map<String, SupportedImage[]> byOffer;

  private ImageCatalogue(String edition, Collection<SupportedImage> rows) {
    this.edition = edition;
    this.images = Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>(rows)));
    Map<String, List<SupportedImage>> grouped = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (SupportedImage row : images) {
      grouped.computeIfAbsent(row.offer(), k -> new ArrayList<>()).add(row);
    }
    Map<String, SupportedImage[]> index = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    grouped.forEach((offer, list) -> index.put(offer, list.toArray(new SupportedImage[0])));
    this.byOffer = index;
  }

  /** The seed's table (SPEC 3.8): the default edition. */
  public static ImageCatalogue seed() {
    return Bundled.SEED;
  }

  /**
   * The longer public list: every image of the 2021 preview article and of the 2024 article, the
   * 2024 hotpatchable Windows Server Azure Edition images marked hotpatch-capable.
   */
  public static ImageCatalogue current() {
    return Bundled.CURRENT;
  }

  /**
   * A catalogue of the given rows.
   *
   * @param edition a name for the catalogue, used in messages
   * @throws IllegalArgumentException if the edition is blank
   */
  public static ImageCatalogue of(String edition, Collection<SupportedImage> rows) {
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(rows, "rows");
    if (edition.isBlank()) {
      throw new IllegalArgumentException("edition must not be blank");
    }
    for (SupportedImage row : rows) {
      Objects.requireNonNull(row, "rows must not contain null");
    }
    return new ImageCatalogue(edition, rows);
  }

  /**
   * Reads a catalogue from UTF-8 JSON (format in the class comment). The stream is read to its end
   * but not closed.
   *
   * @throws IllegalArgumentException if the JSON is malformed or an entry is invalid; the message
   *     names the entry index and the field, e.g. {@code images[3].skus}
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static ImageCatalogue fromJson(InputStream json) {
    Objects.requireNonNull(json, "json");
    return fromJson(new InputStreamReader(json, StandardCharsets.UTF_8));
  }

  /**
   * Reads a catalogue from JSON (format in the class comment). The reader is read to its end but not
   * closed.
   *
   * @throws IllegalArgumentException if the JSON is malformed or an entry is invalid; the message
   *     names the entry index and the field, e.g. {@code images[3].skus}
   * @throws UncheckedIOException if the reader fails
   */
  public static ImageCatalogue fromJson(Reader json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "image catalogue is not valid JSON: " + e.getOriginalMessage()
              + locationOf(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the image catalogue", e);
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException("image catalogue is empty: expected an object with 'images'");
    }
    return parse(root);
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static ImageCatalogue parse(JsonNode root) {
    String edition = "custom";
    JsonNode images;
    String prefix;
    if (root.isArray()) {
      images = root;
      prefix = "";
    } else if (root.isObject()) {
      for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!TOP_LEVEL_FIELDS.contains(name)) {
          throw new IllegalArgumentException(
              "image catalogue: unknown member '" + name + "' (known: edition, description, images)");
        }
      }
      JsonNode editionNode = root.get("edition");
      if (editionNode != null) {
        if (!editionNode.isTextual() || editionNode.asText().isBlank()) {
          throw new IllegalArgumentException("image catalogue: 'edition' must be a non-blank string");
        }
        edition = editionNode.asText();
      }
      images = root.get("images");
      if (images == null || !images.isArray()) {
        throw new IllegalArgumentException("image catalogue: 'images' must be an array of entries");
      }
      prefix = "images";
    } else {
      throw new IllegalArgumentException(
          "image catalogue must be a JSON object with 'images' or an array of entries");
    }
    List<SupportedImage> rows = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      parseEntry(images.get(i), prefix + "[" + i + "]", rows);
    }
    return new ImageCatalogue(edition, rows);
  }

  private static void parseEntry(JsonNode entry, String where, List<SupportedImage> rows) {
    if (!entry.isObject()) {
      throw new IllegalArgumentException(where + ": must be an object with publisher, offer and skus");
    }
    for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!ENTRY_FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            where + "." + name + ": unknown field (known: publisher, offer, skus, hotpatchCapable)");
      }
    }
    String publisher = text(entry, where, "publisher");
    String offer = text(entry, where, "offer");
    boolean hotpatch = false;
    JsonNode hot = entry.get("hotpatchCapable");
    if (hot != null) {
      if (!hot.isBoolean()) {
        throw new IllegalArgumentException(where + ".hotpatchCapable: must be true or false");
      }
      hotpatch = hot.booleanValue();
    }
    JsonNode skus = entry.get("skus");
    if (skus == null || !skus.isArray() || skus.isEmpty()) {
      throw new IllegalArgumentException(where + ".skus: must be a non-empty array of SKU patterns");
    }
    for (int j = 0; j < skus.size(); j++) {
      JsonNode sku = skus.get(j);
      String skuWhere = where + ".skus[" + j + "]";
      if (!sku.isTextual()) {
        throw new IllegalArgumentException(skuWhere + ": must be a string");
      }
      try {
        rows.add(SupportedImage.of(publisher, offer, sku.asText(), hotpatch));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(skuWhere + ": " + e.getMessage(), e);
      }
    }
  }

  private static String text(JsonNode entry, String where, String field) {
    JsonNode node = entry.get(field);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(where + "." + field + ": missing or not a string");
    }
    try {
      SupportedImage.requireName(node.asText(), field);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + "." + field + ": " + e.getMessage(), e);
    }
    return node.asText();
  }

  /** The edition's name ({@code seed}, {@code 2024}, the JSON's {@code edition}, or a combination). */
  public String edition() {
    return edition;
  }

  /** The rows, in catalogue order, without duplicates. */
  public List<SupportedImage> images() {
    return images;
  }

  /**
   * Whether automatic guest patching supports this image (P8, E2). A custom image, or a reference
   * that lacks publisher, offer or SKU, is never supported. Allocates nothing.
   */
  public boolean supports(ImageReference image) {
    return find(image, false);
  }

  /** Whether this image is supported and can be hotpatched (P6). Allocates nothing. */
  public boolean isHotpatchCapable(ImageReference image) {
    return find(image, true);
  }

  private boolean find(ImageReference image, boolean hotpatch) {
    // A custom image lacks publisher, offer or SKU (ImageReference.isCustom()), so it never matches.
    String publisher = image.publisher().orElse(null);
    String offer = image.offer().orElse(null);
    String sku = image.sku().orElse(null);
    return publisher != null && offer != null && sku != null && find(publisher, offer, sku, hotpatch);
  }

  /** Whether some row matches; {@code hotpatch} asks for a hotpatch-capable row. Allocation-free. */
  private boolean find(String publisher, String offer, String sku, boolean hotpatch) {
    SupportedImage[] rows = byOffer.get(offer);
    if (rows == null) {
      return false;
    }
    for (SupportedImage row : rows) {
      // The SKU first: rows of one offer mostly share the publisher, and a SKU of another length
      // fails at once, while equal publishers are compared character by character on every row.
      if ((!hotpatch || row.isHotpatchCapable())
          && row.matchesSku(sku)
          && row.publisher().equalsIgnoreCase(publisher)) {
        return true;
      }
    }
    return false;
  }

  /** A catalogue with the rows of both (this one's first); its edition is {@code this+other}. */
  public ImageCatalogue plus(ImageCatalogue other) {
    Objects.requireNonNull(other, "other");
    List<SupportedImage> all = new ArrayList<>(images);
    all.addAll(other.images);
    return new ImageCatalogue(edition + "+" + other.edition, all);
  }

  @Override
  public String toString() {
    return "ImageCatalogue[" + edition + ", " + images.size() + " rows]";
  }

  /** Loads the bundled editions once, on first use. */
  private static final class Bundled {
    static final ImageCatalogue SEED = load("images-seed.json");
    static final ImageCatalogue CURRENT = load("images-2024.json");

    private static ImageCatalogue load(String resource) {
      try (InputStream in = ImageCatalogue.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("bundled image catalogue " + resource + " is missing");
        }
        return fromJson(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled image catalogue " + resource, e);
      }
    }
  }
}
