package io.guestpatch.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes fleet JSON Lines: one compact {@link VirtualMachine} per line, the format {@link FleetReader}
 * streams back. Not thread-safe; close it to flush.
 *
 * <pre>{@code
 * try (FleetWriter out = FleetWriter.create(Path.of("fleet.jsonl"))) {
 *   vms.forEach(out::write);
 * }
 * }</pre>
 */
public final class FleetWriter implements Closeable, Flushable {
  private final Writer out;
  private final JsonGenerator generator;
  private final ObjectWriter json;
  private long written;

  private FleetWriter(Writer out) {
    this.out = out;
    ObjectMapper mapper = PatchJson.newObjectMapper();
    this.json = mapper.writerFor(VirtualMachine.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    try {
      // One streaming generator for the whole file: no String per record.
      this.generator = mapper.getFactory().createGenerator(out)
          .setRootValueSeparator(null)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A writer to a new or truncated file. */
  public static FleetWriter create(Path file) throws IOException {
    return new FleetWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
  }

  /** A writer to a character stream, which it closes when closed. */
  public static FleetWriter create(Writer out) {
    Objects.requireNonNull(out, "out");
    return new FleetWriter(out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16));
  }

  /** Writes one record as one line. */
  public void write(VirtualMachine vm) throws IOException {
    json.writeValue(generator, vm);
    generator.writeRaw('\n');
    written++;
  }

  /** The number of records written so far. */
  public long written() {
    return written;
  }

  @Override
  public void flush() throws IOException {
    generator.flush();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    generator.close();
    out.close();
  }
}
