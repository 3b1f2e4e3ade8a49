package io.guestpatch.orchestrator;

import io.guestpatch.model.VirtualMachine;

/**
 * Remembers the E-rule answer for VMs that share their configuration objects. Eligibility depends only
 * on the OS type, the Windows or Linux configuration, the image, the agent version, the API version and
 * (when opt-in is required) the subscription; VMs built from one template, or deduplicated by their
 * reader, share those objects, so an identity match on all of them gives the same answer without
 * evaluating the rules again. Anything not identical is a miss and is evaluated in full. Bounded: once
 * full, it stops remembering. Not thread-safe (one per {@link FleetIndex.Builder}).
 */
final class EligibilityCache {
  static final int MISS = -1;
  private static final int WIDTH = 7;
  private static final int CAPACITY = 1 << 14;

  private final boolean keyOnSubscription;
  private final Object[] keys = new Object[CAPACITY * WIDTH];
  private final int[] values = new int[CAPACITY];
  private final Object[] probe = new Object[WIDTH];
  private int size;
  private int probeSlot = -1;

  EligibilityCache(boolean keyOnSubscription) {
    this.keyOnSubscription = keyOnSubscription;
  }

  /** The remembered mask of a VM with the same objects, or {@link #MISS}. */
  int lookup(VirtualMachine vm) {
    probe[0] = vm.osType();
    probe[1] = vm.windowsConfiguration().orElse(null);
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
    int mask = CAPACITY - 1;
    for (int i = h & mask, n = 0; n < CAPACITY; i = (i + 1) & mask, n++) {
      int base = i * WIDTH;
      if (keys[base] == null) {
        probeSlot = i;
        return MISS;
      }
      if (same(base)) {
        probeSlot = -1;
        return values[i];
      }
    }
    probeSlot = -1;
    return MISS;
  }

  /** Remembers the answer for the VM of the last {@link #lookup} that missed. */
  void store(int value) {
    if (probeSlot < 0 || size >= CAPACITY / 2) {
      return;
    }
    System.arraycopy(probe, 0, keys, probeSlot * WIDTH, WIDTH);
    values[probeSlot] = value;
    size++;
    probeSlot = -1;
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
