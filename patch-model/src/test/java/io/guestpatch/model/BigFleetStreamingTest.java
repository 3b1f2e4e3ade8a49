package io.guestpatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 2.2: million-line fleets stream in constant memory. Runs 20,000 lines by default; set
 * {@code -Dguestpatch.bigFleet=1000000} to stream a million.
 */
class BigFleetStreamingTest {
  @Test
  void streamsALargeFleetWithFlatHeap(@TempDir Path dir) throws IOException {
    int lines = Math.max(20_000, Integer.getInteger("guestpatch.bigFleet", 0));
    Path file = dir.resolve("big.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < lines; i++) {
        w.write("{\"id\":\"/subscriptions/s" + (i % 97) + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm"
            + i + "\",\"name\":\"vm" + i + "\",\"subscriptionId\":\"s" + (i % 97)
            + "\",\"resourceGroup\":\"rg\",\"region\":\"eastus\",\"zone\":\"" + (1 + i % 3)
            + "\",\"osType\":\"Linux\",\"vmAgentVersion\":\"2.2.54\"}");
        w.write('\n');
      }
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong count = new AtomicLong();
    long[] heapAtQuarter = new long[1];
    long[] heapMax = new long[1];
    int quarter = lines / 4;
    FleetReader.create().forEach(file, vm -> {
      long n = count.incrementAndGet();
      if (n == quarter) {
        System.gc();
        heapAtQuarter[0] = memory.getHeapMemoryUsage().getUsed();
      } else if (n == lines) {
        System.gc();
        heapMax[0] = memory.getHeapMemoryUsage().getUsed();
      }
    }, e -> {
      throw new AssertionError(e.toString());
    });
    assertThat(count.get()).isEqualTo(lines);
    // Flat: the heap after all records is not more than 16 MiB above the heap after a quarter of them
    // (holding every record would take well over 300 bytes a record).
    assertThat(heapMax[0] - heapAtQuarter[0]).isLessThan(16L << 20);
  }
}
