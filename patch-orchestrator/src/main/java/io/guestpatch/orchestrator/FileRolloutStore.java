package io.guestpatch.orchestrator;

import io.guestpatch.orchestrator.spi.RolloutStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A file-backed {@link RolloutStore}: an append-only journal, one record per line with a CRC32, forced
 * to disk ({@code fsync}) after each append. A torn or corrupt last record (the engine was killed while
 * writing it) is dropped on replay and cut off before the next append; a corrupt record in the middle
 * is an error naming the line. Thread-safe.
 */
public final class FileRolloutStore implements RolloutStore {
  private final Path file;
  private final boolean sync;
  private final FileChannel channel;

  private FileRolloutStore(Path file, boolean sync) throws IOException {
    this.file = file;
    this.sync = sync;
    read(); // for validLength: the torn tail, if any, is cut off below
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.truncate(validLength);
    channel.position(validLength);
  }

  private long validLength;

  /** Opens (or creates) a journal that fsyncs every append. */
  public static FileRolloutStore open(Path file) throws IOException {
    return new FileRolloutStore(file, true);
  }

  /** Opens a journal that leaves flushing to the OS (faster, for simulations; not crash-safe). */
  public static FileRolloutStore openUnsynced(Path file) throws IOException {
    return new FileRolloutStore(file, false);
  }

  @Override
  public synchronized void append(String record) throws IOException {
    if (record.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a journal record must be one line");
    }
    CRC32 crc = new CRC32();
    byte[] body = record.getBytes(StandardCharsets.UTF_8);
    crc.update(body);
    byte[] sum = Long.toHexString(crc.getValue()).getBytes(StandardCharsets.US_ASCII);
    ByteBuffer buf = ByteBuffer.allocate(sum.length + body.length + 2);
    buf.put(sum).put((byte) ' ').put(body).put((byte) '\n').flip();
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    if (sync) {
      channel.force(false);
    }
    validLength = channel.position();
  }

  @Override
  public synchronized List<String> replay() throws IOException {
    return read();
  }

  private List<String> read() throws IOException {
    List<String> out = new ArrayList<>();
    validLength = 0;
    if (!Files.exists(file)) {
      return out;
    }
    byte[] all = Files.readAllBytes(file);
    int pos = 0;
    int lineNo = 0;
    while (pos < all.length) {
      int nl = pos;
      while (nl < all.length && all[nl] != '\n') {
        nl++;
      }
      lineNo++;
      boolean complete = nl < all.length;
      String line = new String(all, pos, nl - pos, StandardCharsets.UTF_8);
      String record = check(line);
      if (record == null || !complete) {
        if (!complete || nl + 1 >= all.length) {
          break; // torn tail: the last record was cut while being written
        }
        throw new IOException(file + " line " + lineNo + ": corrupt journal record (checksum mismatch) "
            + "before the end of the journal; restore the file from a backup");
      }
      out.add(record);
      pos = nl + 1;
      validLength = pos;
    }
    return out;
  }

  private static String check(String line) {
    int space = line.indexOf(' ');
    if (space <= 0) {
      return null;
    }
    String record = line.substring(space + 1);
    CRC32 crc = new CRC32();
    crc.update(record.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue()).equals(line.substring(0, space)) ? record : null;
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
