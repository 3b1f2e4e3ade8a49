package io.guestpatch.orchestrator;

/** Sorts indices by long keys, ties by index (so the order is total and reproducible). */
final class AuditSort {
  private AuditSort() {}

  /** Indices 0..n-1 ordered by {@code key[i]}, then by {@code i}. */
  static int[] byKey(long[] key, int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] tmp = new int[n];
    // bottom-up merge sort: stable, so equal keys keep index order
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        if (key[a[mid - 1]] <= key[a[mid]]) {
          continue; // already in order
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          if (i < mid && (j >= hi || key[tmp[i]] <= key[tmp[j]])) {
            a[k] = tmp[i++];
          } else {
            a[k] = tmp[j++];
          }
        }
      }
    }
    return a;
  }
}
