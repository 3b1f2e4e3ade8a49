package io.guestpatch.orchestrator;

import java.util.Arrays;

/**
 * Interns strings to dense ints 0, 1, 2, ... ignoring case (ARM ids, region names and subscription ids
 * are case-insensitive), keeping the first spelling seen. Open addressing over primitive arrays: no
 * boxing, no lower-cased copies. Not thread-safe.
 */
final class AuditIdIndex {
  private String[] names = new String[16];
  private int[] table = new int[32]; // slot -> id + 1, 0 = empty
  private int[] hashes = new int[16];
  private int size;

  /** The id of the name, adding it when new. */
  int intern(String name) {
    int h = hash(name);
    int slot = slot(name, h);
    int entry = table[slot];
    return entry != 0 ? entry - 1 : add(name, h, slot);
  }

  /** The id of the name, or -1 when it was never interned. */
  int find(String name) {
    return table[slot(name, hash(name))] - 1;
  }

  /** The slot holding the name, or the empty slot where it would go. */
  private int slot(String name, int h) {
    int mask = table.length - 1;
    int slot = h & mask;
    for (int entry; (entry = table[slot]) != 0; slot = (slot + 1) & mask) {
      int id = entry - 1;
      if (hashes[id] == h && names[id].equalsIgnoreCase(name)) {
        break;
      }
    }
    return slot;
  }

  /** The first spelling of an id. */
  String name(int id) {
    return names[id];
  }

  int size() {
    return size;
  }

  private int add(String name, int h, int slot) {
    int id = size++;
    if (id == names.length) {
      names = Arrays.copyOf(names, id * 2);
      hashes = Arrays.copyOf(hashes, id * 2);
    }
    names[id] = name;
    hashes[id] = h;
    table[slot] = id + 1;
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = hashes[id] & mask;
      while (t[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      t[slot] = id + 1;
    }
    table = t;
  }

  private static int hash(String s) {
    int h = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (c >= 128) {
        c = Character.toLowerCase(Character.toUpperCase(c));
      }
      h = 31 * h + c;
    }
    return h ^ (h >>> 16) * 0x45d9f3b;
  }
}
