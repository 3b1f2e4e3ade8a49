package io.guestpatch.orchestrator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link SafetyAuditor} found in one trace: every breach (sorted by instant, then rule), the number
 * of breaches per rule, how many rows and installs were checked, and which rules were not checked
 * (I6 when no off-peak check was configured).
 *
 * <p>{@link #breaches()} lists at most the auditor's per-rule limit of breaches for each rule (a badly
 * broken trace can breach millions of times); {@link #count(Breach.Rule)} always counts them all and
 * {@link #isTruncated()} says whether some were left out of the list.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuditReport {
  private static final int SUMMARY_LINES = 20;

  private final List<Breach> breaches;
  private final Map<Breach.Rule, Long> counts;
  private final long rowsChecked;
  private final long installsChecked;
  private final Set<Breach.Rule> unchecked;

  AuditReport(
      List<Breach> breaches,
      Map<Breach.Rule, Long> counts,
      long rowsChecked,
      long installsChecked,
      Set<Breach.Rule> unchecked) {
    this.breaches = List.copyOf(breaches);
    EnumMap<Breach.Rule, Long> c = new EnumMap<>(Breach.Rule.class);
    for (Breach.Rule r : Breach.Rule.values()) {
      c.put(r, counts.getOrDefault(r, 0L));
    }
    this.counts = Collections.unmodifiableMap(c);
    this.rowsChecked = rowsChecked;
    this.installsChecked = installsChecked;
    this.unchecked =
        unchecked.isEmpty()
            ? Collections.emptySet()
            : Collections.unmodifiableSet(EnumSet.copyOf(unchecked));
  }

  /** The breaches listed, by instant then rule (see {@link #isTruncated()}). */
  public List<Breach> breaches() {
    return breaches;
  }

  /** The breaches of one rule that are listed. */
  public List<Breach> breaches(Breach.Rule rule) {
    return breaches.stream().filter(b -> b.rule() == rule).collect(Collectors.toUnmodifiableList());
  }

  /** Whether the trace breaks no rule that was checked. */
  public boolean isClean() {
    return totalCount() == 0;
  }

  /** How many breaches of a rule were found, listed or not. */
  public long count(Breach.Rule rule) {
    return counts.get(rule);
  }

  /** The number of breaches per rule, every rule present (0 when clean), in rule order. */
  public Map<Breach.Rule, Long> counts() {
    return counts;
  }

  /** How many breaches were found in all, listed or not. */
  public long totalCount() {
    long t = 0;
    for (long c : counts.values()) {
      t += c;
    }
    return t;
  }

  /** Whether some breaches were counted but left out of {@link #breaches()}. */
  public boolean isTruncated() {
    return totalCount() > breaches.size();
  }

  /** How many trace rows were read (every operation). */
  public long rowsChecked() {
    return rowsChecked;
  }

  /** How many install rows were checked against the I-rules. */
  public long installsChecked() {
    return installsChecked;
  }

  /** The rules that were not checked: {@link Breach.Rule#I6} when no off-peak check was given. */
  public Set<Breach.Rule> uncheckedRules() {
    return unchecked;
  }

  /**
   * A summary: rows and installs checked, the count per rule, unchecked rules, and the first breaches.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(256);
    sb.append("Safety audit: ").append(rowsChecked).append(" rows, ")
        .append(installsChecked).append(" installs checked; ");
    long total = totalCount();
    if (total == 0) {
      sb.append("clean");
    } else {
      sb.append(total).append(total == 1 ? " breach (" : " breaches (");
      boolean first = true;
      for (Map.Entry<Breach.Rule, Long> e : counts.entrySet()) {
        if (e.getValue() > 0) {
          sb.append(first ? "" : ", ").append(e.getKey().id()).append(": ").append(e.getValue());
          first = false;
        }
      }
      sb.append(')');
    }
    for (Breach.Rule r : unchecked) {
      sb.append("; ").append(r.id()).append(" not checked");
      if (r == Breach.Rule.I6) {
        sb.append(" (no off-peak check configured)");
      }
    }
    for (int i = 0; i < breaches.size() && i < SUMMARY_LINES; i++) {
      sb.append("\n  ").append(breaches.get(i));
    }
    if (total > Math.min(breaches.size(), SUMMARY_LINES)) {
      sb.append("\n  ... and ").append(total - Math.min(breaches.size(), SUMMARY_LINES)).append(" more");
    }
    return sb.toString();
  }
}
