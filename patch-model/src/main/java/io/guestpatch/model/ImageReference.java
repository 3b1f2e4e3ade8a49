package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.guestpatch.model.internal.OptionalEncodingEnabled;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The image a VM was created from: a marketplace image (publisher, offer, sku, version) or a custom
 * image (a resource {@code id}), as in {@code storageProfile.imageReference}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()} or {@link #marketplace}.
 */
@Value.Immutable
@OptionalEncodingEnabled
@JsonSerialize(as = ImmutableImageReference.class)
@JsonDeserialize(as = ImmutableImageReference.class)
public abstract class ImageReference {
  /** The image publisher, such as {@code Canonical}. */
  @JsonProperty("publisher")
  public abstract Optional<String> publisher();

  /** The image offer, such as {@code UbuntuServer}. */
  @JsonProperty("offer")
  public abstract Optional<String> offer();

  /** The image SKU, such as {@code 18.04-LTS}. */
  @JsonProperty("sku")
  public abstract Optional<String> sku();

  /** The image version, such as {@code latest}. */
  @JsonProperty("version")
  public abstract Optional<String> version();

  /** The resource id of a custom image or gallery image version. */
  @JsonProperty("id")
  public abstract Optional<String> id();

  /** Whether this is a custom image: an id and no publisher/offer/sku. */
  @JsonIgnore
  public final boolean isCustom() {
    return id().isPresent() && (publisher().isEmpty() || offer().isEmpty() || sku().isEmpty());
  }

  /** A marketplace image reference with version {@code latest}. */
  public static ImageReference marketplace(String publisher, String offer, String sku) {
    return builder().publisher(publisher).offer(offer).sku(sku).version("latest").build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ImageReference} values; not thread-safe. */
  public static final class Builder extends ImmutableImageReference.Builder {
    Builder() {}
  }
}
