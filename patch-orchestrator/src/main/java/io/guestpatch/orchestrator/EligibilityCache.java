package io.guestpatch.orchestrator;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the E-rule answer for VMs that share their configuration objects. Eligibility depends only
 * on the OS type, the Windows or Linux configuration, the image, the agent version, the API version and
 * (when opt-in is required) the subscription; VMs built from one template, or deduplicated by their
 * reader, share those objects, so an identity match on all of them gives the same answer without
 * evaluating the rules again. Anything not identical is a miss and is evaluated in full. It grows
 * with the number of distinct configurations up to 65,536 of them, then stops remembering new ones. Not thread-safe (one per {@link FleetIndex.Builder}).
 */
final class EligibilityCache {
  static final int MISS = -1;
  private static final int WIDTH = 7;
  /** The most slots: 1<<17 slots remember up to 65,536 configurations (about 4.5 MB of references). */
  private static final int MAX_CAPACITY = 1 << 17;

  private final boolean keyOnSubscription;
  private Object[] keys = new Object[1024 * WIDTH];
  private int[] hashes = new int[1024];
  private int[] values = new int[1024];
  private final Object[] probe = new Object[WIDTH];
  private int probeHash;
  private int size;
  private int probeSlot = -1;

  EligibilityCache(boolean keyOnSubscription) {
    this.keyOnSubscription = keyOnSubscription;
  }

  /**
   * The remembered mask of a VM with the same objects, or {@link #MISS}; {@code windows} is the VM's
   * Windows configuration (or null), which the caller has already read.
   */
  int lookup(VirtualMachine vm, @Nullable WindowsConfiguration windows) {
    probe[0] = vm.osType();
    probe[1] = windows;
    probe[2] = vm.linuxConfiguration().orElse(null);
    probe[3] = vm.imageReference().orElse(null);
    probe[4] = vm.vmAgentVersion().orElse(null);
    probe[5] = vm.apiVersion().orElse(null);
    probe[6] = keyOnSubscription ? vm.subscriptionId() : null;
    int h = 0;
    for (Object o : probe) {
      h = h * 31 + System.identityHashCode(o);
    }
    h ^= h >>> 16;
    probeHash = h;
    int mask = values.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int base = i * WIDTH;
      if (keys[base] == null) {
        probeSlot = i;
        return MISS;
      }
      if (hashes[i] == h && same(base)) {
        probeSlot = -1;
        return values[i];
      }
    }
  }

  /** Remembers the answer for the VM of the last {@link #lookup} that missed. */
  void store(int value) {
    if (probeSlot < 0) {
      return;
    }
    if (2 * (size + 1) > values.length) {
      if (values.length >= MAX_CAPACITY) {
        probeSlot = -1;
        return;
      }
      grow();
      int mask = values.length - 1;
      int i = probeHash & mask;
      while (keys[i * WIDTH] != null) {
        i = (i + 1) & mask;
      }
      probeSlot = i;
    }
    System.arraycopy(probe, 0, keys, probeSlot * WIDTH, WIDTH);
    hashes[probeSlot] = probeHash;
    values[probeSlot] = value;
    size++;
    probeSlot = -1;
  }

  private void grow() {
    Object[] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldValues = values;
    int capacity = oldValues.length * 2;
    keys = new Object[capacity * WIDTH];
    hashes = new int[capacity];
    values = new int[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldValues.length; j++) {
      if (oldKeys[j * WIDTH] != null) {
        int i = oldHashes[j] & mask;
        while (keys[i * WIDTH] != null) {
          i = (i + 1) & mask;
        }
        System.arraycopy(oldKeys, j * WIDTH, keys, i * WIDTH, WIDTH);
        hashes[i] = oldHashes[j];
        values[i] = oldValues[j];
      }
    }
  }

  private boolean same(int base) {
    for (int k = 0; k < WIDTH; k++) {
      if (keys[base + k] != probe[k]) {
        return false;
      }
    }
    return true;
  }
}
