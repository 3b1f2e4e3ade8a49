package io.guestpatch.orchestrator;

import java.util.Arrays;

/** Interns long keys (pairs of ints) to dense ints 0, 1, 2, ...; open addressing. Not thread-safe. */
final class AuditLongIndex {
  private long[] keys = new long[16];
  private int[] table = new int[32]; // slot -> id + 1, 0 = empty
  private int size;

  static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  /** The id of the key, adding it when new. */
  int intern(long key) {
    int slot = slot(key);
    if (table[slot] != 0) {
      return table[slot] - 1;
    }
    int id = size++;
    if (id == keys.length) {
      keys = Arrays.copyOf(keys, id * 2);
    }
    keys[id] = key;
    table[slot] = id + 1;
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  /** The id of the key, or -1 when it was never interned. */
  int find(long key) {
    return table[slot(key)] - 1;
  }

  /** The slot holding the key, or the empty slot where it would go. */
  private int slot(long key) {
    int mask = table.length - 1;
    int slot = mix(key) & mask;
    while (table[slot] != 0 && keys[table[slot] - 1] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  long key(int id) {
    return keys[id];
  }

  int size() {
    return size;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = mix(keys[id]) & mask;
      while (t[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      t[slot] = id + 1;
    }
    table = t;
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
