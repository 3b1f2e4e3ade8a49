package io.guestpatch.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Whether a VM is patched automatically, availability-first (SPEC 3.3, rules E1-E4), and if not, every
 * reason why not. Each reason is a {@link Violation} with code {@code OperationNotAllowed}, severity
 * error and one of the reason codes below.
 *
 * <p>The eligible answer is the shared {@link #eligible()} instance, so asking about an eligible VM
 * allocates nothing. Immutable and thread-safe.
 */
public final class Eligibility {
  /** E1: the patch mode is not {@code AutomaticByPlatform}. */
  public static final String E1_NOT_AUTOMATIC_BY_PLATFORM = "E1_NOT_AUTOMATIC_BY_PLATFORM";

  /**
   * E1: the patch settings have errors (P-rules) other than those E2 and E3 report themselves; the
   * message lists their reason codes.
   */
  public static final String E1_SETTINGS_INVALID = "E1_SETTINGS_INVALID";

  /** E2: the image is custom, absent, or not in the policy's supported-image catalogue. */
  public static final String E2_IMAGE_NOT_SUPPORTED = "E2_IMAGE_NOT_SUPPORTED";

  /** E3: {@code provisionVMAgent} is false. */
  public static final String E3_AGENT_NOT_PROVISIONED = "E3_AGENT_NOT_PROVISIONED";

  /** E3: Linux VM agent older than 2.2.53.1, or its version unknown or malformed. */
  public static final String E3_AGENT_TOO_OLD = "E3_AGENT_TOO_OLD";

  /** E4: opt-in is required and the subscription has not registered both preview features. */
  public static final String E4_NOT_OPTED_IN = "E4_NOT_OPTED_IN";

  /** Azure's code used for every reason. */
  static final String CODE = "OperationNotAllowed";

  private static final Eligibility ELIGIBLE = new Eligibility(List.of());

  private final List<Violation> reasons;

  private Eligibility(List<Violation> reasons) {
    this.reasons = reasons;
  }

  /** The shared eligible answer. */
  public static Eligibility eligible() {
    return ELIGIBLE;
  }

  /**
   * A not-eligible answer.
   *
   * @throws IllegalArgumentException if {@code reasons} is empty (use {@link #eligible()})
   */
  public static Eligibility notEligible(List<Violation> reasons) {
    Objects.requireNonNull(reasons, "reasons");
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException(
          "reasons must not be empty: a VM without reasons is eligible(), not notEligible()");
    }
    return new Eligibility(Collections.unmodifiableList(new ArrayList<>(reasons)));
  }

  /** Whether the VM is patched automatically. */
  public boolean isEligible() {
    return reasons.isEmpty();
  }

  /** Every reason why not, in rule order; empty when eligible. */
  public List<Violation> reasons() {
    return reasons;
  }

  /** Whether some reason has this reason code. */
  public boolean hasReason(String reason) {
    for (Violation v : reasons) {
      if (v.reason().equals(reason)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Eligibility && ((Eligibility) o).reasons.equals(reasons);
  }

  @Override
  public int hashCode() {
    return reasons.hashCode();
  }

  @Override
  public String toString() {
    return reasons.isEmpty() ? "Eligibility[eligible]" : "Eligibility[not eligible: " + reasons + "]";
  }
}
