package io.guestpatch.orchestrator.internal;

import java.util.Arrays;

/** A growable list of ints without boxing. Not thread-safe. */
public final class IntList {
  private int[] values;
  private int size;

  /** An empty list with room for {@code capacity} values. */
  public IntList(int capacity) {
    values = new int[Math.max(4, capacity)];
  }

  /** An empty list. */
  public IntList() {
    this(16);
  }

  /** Appends a value. */
  public void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length + (values.length >> 1) + 1);
    }
    values[size++] = value;
  }

  /** The value at an index. */
  public int get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index + " >= " + size);
    }
    return values[index];
  }

  /** Replaces the value at an index. */
  public void set(int index, int value) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index + " >= " + size);
    }
    values[index] = value;
  }

  /** The number of values. */
  public int size() {
    return size;
  }

  /** Whether the list is empty. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Removes every value. */
  public void clear() {
    size = 0;
  }

  /** A trimmed copy of the values. */
  public int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
