package io.guestpatch.orchestrator;

import java.util.Arrays;

/**
 * The installs in flight per group (region, stage, availability set, ...): a count per group and an
 * intrusive doubly linked list of member installs, so that adding, removing and counting are O(1) and
 * listing the members of one group costs only that group. Not thread-safe.
 */
final class AuditInFlight {
  private final int[] groupOf; // per install, -1 = in no group
  private final int[] next;
  private final int[] prev;
  private int[] head;
  private int[] count;

  AuditInFlight(int[] groupOf, int installs, int groups) {
    this.groupOf = groupOf;
    this.next = new int[installs];
    this.prev = new int[installs];
    this.head = new int[Math.max(groups, 1)];
    this.count = new int[Math.max(groups, 1)];
    Arrays.fill(head, -1);
  }

  void add(int install) {
    int g = groupOf[install];
    if (g < 0) {
      return;
    }
    int h = head[g];
    next[install] = h;
    prev[install] = -1;
    if (h >= 0) {
      prev[h] = install;
    }
    head[g] = install;
    count[g]++;
  }

  void remove(int install) {
    int g = groupOf[install];
    if (g < 0) {
      return;
    }
    int p = prev[install];
    int n = next[install];
    if (p >= 0) {
      next[p] = n;
    } else {
      head[g] = n;
    }
    if (n >= 0) {
      prev[n] = p;
    }
    count[g]--;
  }

  int count(int group) {
    return group < 0 ? 0 : count[group];
  }

  /** The first member of a group, or -1. */
  int first(int group) {
    return head[group];
  }

  /** The member after this one in its group, or -1. */
  int next(int install) {
    return next[install];
  }
}
