package io.guestpatch.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * All findings of one validation at once. Valid means no finding of severity error; warnings may
 * remain. Immutable and thread-safe.
 */
public final class ValidationReport {
  private static final ValidationReport EMPTY = new ValidationReport(List.of());

  private final List<Violation> violations;

  private ValidationReport(List<Violation> violations) {
    this.violations = violations;
  }

  /** The report with no finding; shared, so the valid path allocates nothing. */
  public static ValidationReport empty() {
    return EMPTY;
  }

  /** A report of the given findings, in order. */
  public static ValidationReport of(List<Violation> violations) {
    return violations.isEmpty()
        ? EMPTY
        : new ValidationReport(Collections.unmodifiableList(new ArrayList<>(violations)));
  }

  /** Every finding, errors and warnings, in rule order. */
  public List<Violation> violations() {
    return violations;
  }

  /** Whether no finding is an error. */
  public boolean isValid() {
    for (int i = 0; i < violations.size(); i++) {
      if (violations.get(i).isError()) {
        return false;
      }
    }
    return true;
  }

  /** Whether there is no finding at all, warnings included. */
  public boolean isEmpty() {
    return violations.isEmpty();
  }

  /** Whether some finding has this reason code. */
  public boolean hasReason(String reason) {
    for (Violation v : violations) {
      if (v.reason().equals(reason)) {
        return true;
      }
    }
    return false;
  }

  /** A report with the findings of both, this one's first. */
  public ValidationReport plus(ValidationReport other) {
    if (other.violations.isEmpty()) {
      return this;
    }
    if (violations.isEmpty()) {
      return other;
    }
    List<Violation> all = new ArrayList<>(violations);
    all.addAll(other.violations);
    return new ValidationReport(Collections.unmodifiableList(all));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidationReport && ((ValidationReport) o).violations.equals(violations);
  }

  @Override
  public int hashCode() {
    return violations.hashCode();
  }

  @Override
  public String toString() {
    return violations.isEmpty() ? "ValidationReport[valid]" : "ValidationReport" + violations;
  }
}
