package io.guestpatch.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads fleet files: ARM JSON (one VM resource, an array, or {@code {"value": [...]}} as
 * {@code az vm list}, {@code az vm show} or REST GET with {@code $expand=instanceView} return them) and
 * fleet JSON Lines (one {@link VirtualMachine} per line). The format is detected from the content.
 * VMs of one file share equal configurations, images and repeated strings (each VM still equals the
 * record as written), which keeps a million-VM fleet in a few hundred bytes per VM.
 *
 * <p>Every bad record is reported with the file, the line or JSON path, the field and what is wrong,
 * and every good record is still delivered. JSON Lines stream in constant memory through
 * {@link #forEach(Path, Consumer, Consumer)}.
 *
 * <pre>{@code
 * FleetReadResult fleet = FleetReader.create().read(Path.of("fleet.jsonl"));
 * fleet.errors().forEach(System.err::println);
 * List<VirtualMachine> vms = fleet.vms();
 * }</pre>
 *
 * <p>Thread-safe: one reader may read several files at once.
 */
public final class FleetReader {
  private static final int PEEK = 1 << 16;
  private static final int PEEK_LINES = 5;

  private final ObjectMapper mapper;
  private final ObjectReader vmReader;
  private final ArmVirtualMachines arm;

  private FleetReader(ObjectMapper mapper) {
    this.mapper = mapper;
    this.vmReader = mapper.readerFor(VirtualMachine.class);
    this.arm = new ArmVirtualMachines(mapper);
  }

  /** A reader with the {@link PatchJson} mapping. */
  public static FleetReader create() {
    return new FleetReader(PatchJson.newObjectMapper());
  }

  /** Reads a whole file into memory. */
  public FleetReadResult read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a whole input into memory.
   *
   * @param source names the input in error messages
   */
  public FleetReadResult read(Reader reader, String source) throws IOException {
    List<VirtualMachine> vms = new ArrayList<>();
    List<FleetRecordError> errors = new ArrayList<>();
    FleetFormat format = forEach(reader, source, vms::add, errors::add);
    return new FleetReadResult(format, vms, errors);
  }

  /**
   * Streams a file: each good record to {@code vms}, each bad one to {@code errors}, in file order.
   * JSON Lines use constant memory whatever the file's size.
   *
   * @return the format detected
   */
  public FleetFormat forEach(
      Path file, Consumer<? super VirtualMachine> vms, Consumer<? super FleetRecordError> errors)
      throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return forEach(in, file.toString(), vms, errors);
    }
  }

  /**
   * Streams an input; see {@link #forEach(Path, Consumer, Consumer)}.
   *
   * @param source names the input in error messages
   */
  public FleetFormat forEach(
      Reader reader,
      String source,
      Consumer<? super VirtualMachine> vms,
      Consumer<? super FleetRecordError> errors)
      throws IOException {
    Objects.requireNonNull(source, "source");
    BufferedReader in =
        reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader, PEEK);
    FleetFormat format = detect(in);
    FleetCanonicalizer canonical = new FleetCanonicalizer();
    switch (format) {
      case JSON_LINES:
        readLines(in, source, vm -> vms.accept(canonical.canonical(vm)), errors);
        break;
      case ARM_JSON:
        arm.read(in, source, vm -> vms.accept(canonical.canonical(vm)), errors);
        break;
      default:
        break;
    }
    return format;
  }

  private FleetFormat detect(BufferedReader in) throws IOException {
    in.mark(PEEK);
    char[] buf = new char[PEEK];
    int n = 0;
    int r;
    while (n < PEEK && (r = in.read(buf, n, PEEK - n)) > 0) {
      n += r;
    }
    in.reset();
    int i = 0;
    while (i < n && (Character.isWhitespace(buf[i]) || buf[i] == '\uFEFF')) {
      i++;
    }
    if (i == n) {
      return FleetFormat.EMPTY;
    }
    if (buf[i] == '[') {
      return FleetFormat.ARM_JSON;
    }
    if (buf[i] != '{') {
      // Neither format; let the line reader report the first line as malformed JSON.
      return FleetFormat.JSON_LINES;
    }
    // Look at the first few non-blank lines: a compact object without ARM members is a fleet record.
    int start = i;
    for (int seen = 0; seen < PEEK_LINES && start < n; seen++) {
      int end = start;
      while (end < n && buf[end] != '\n') {
        end++;
      }
      if (end == n && n == PEEK) {
        break; // a line longer than the peek: not a compact record
      }
      String line = new String(buf, start, end - start).strip();
      if (line.startsWith("{") && line.endsWith("}")) {
        try {
          JsonNode node = mapper.readTree(line);
          if (node.isObject()) {
            return node.has("location") || node.has("properties") || node.has("value")
                ? FleetFormat.ARM_JSON
                : FleetFormat.JSON_LINES;
          }
        } catch (JsonProcessingException e) {
          // malformed or partial: look at the next line
        }
      }
      start = end + 1;
    }
    return FleetFormat.ARM_JSON;
  }

  private void readLines(
      BufferedReader in,
      String source,
      Consumer<? super VirtualMachine> vms,
      Consumer<? super FleetRecordError> errors)
      throws IOException {
    String line;
    long lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      VirtualMachine vm;
      try {
        vm = vmReader.readValue(line);
      } catch (JsonProcessingException e) {
        errors.accept(describe(e, source, lineNo, ""));
        continue;
      } catch (IllegalArgumentException | IllegalStateException e) {
        errors.accept(new FleetRecordError(source, lineNo, "", "", firstLine(e.getMessage())));
        continue;
      }
      if (vm == null) {
        errors.accept(new FleetRecordError(source, lineNo, "", "", "a fleet record must be a JSON object, not null"));
        continue;
      }
      vms.accept(vm);
    }
  }

  /** Turns a Jackson failure into a record error naming the field and what to change. */
  static FleetRecordError describe(JsonProcessingException e, String source, long line, String jsonPath) {
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      String msg = firstLine(e.getCause().getMessage());
      String field = "";
      int open = msg.indexOf("required attributes are not set [");
      if (open >= 0) {
        int from = open + "required attributes are not set [".length();
        int close = msg.indexOf(']', from);
        field = close > from ? msg.substring(from, close) : "";
        msg = "missing required field" + (field.contains(",") ? "s " : " ") + field
            + "; every fleet record needs id, name, subscriptionId, resourceGroup, region and osType";
      } else {
        int space = msg.indexOf(' ');
        if (space > 0 && msg.contains(" must ")) {
          field = msg.substring(0, space);
        }
      }
      return new FleetRecordError(source, line, jsonPath, field, msg);
    }
    if (e instanceof JsonMappingException) {
      JsonMappingException m = (JsonMappingException) e;
      String field = path(m.getPath());
      Throwable cause = m.getCause();
      String msg = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
          ? firstLine(cause.getMessage())
          : firstLine(m.getOriginalMessage());
      return new FleetRecordError(source, line, jsonPath, field, msg);
    }
    JsonLocation loc = e.getLocation();
    String where = loc == null ? "" : " at column " + loc.getColumnNr();
    return new FleetRecordError(
        source, line, jsonPath, "",
        "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()) + "; each line must be one JSON object");
  }

  static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  static String firstLine(String s) {
    if (s == null) {
      return "invalid value";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** The streaming reader of ARM JSON documents. */
  static final class ArmVirtualMachines {
    private final ObjectMapper mapper;

    ArmVirtualMachines(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    void read(
        BufferedReader in,
        String source,
        Consumer<? super VirtualMachine> vms,
        Consumer<? super FleetRecordError> errors)
        throws IOException {
      long line = 0;
      try (JsonParser p = mapper.getFactory().createParser(in)) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          int index = 0;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
              throw new IOException("unexpected end of input inside the top-level array");
            }
            line = p.currentTokenLocation().getLineNr();
            JsonNode node = mapper.readTree(p);
            one(node, source, line, "$[" + index + "]", vms, errors);
            index++;
          }
        } else if (t == JsonToken.START_OBJECT) {
          line = p.currentTokenLocation().getLineNr();
          JsonNode node = mapper.readTree(p);
          JsonNode value = node.get("value");
          if (value != null && value.isArray() && !node.has("id")) {
            for (int i = 0; i < value.size(); i++) {
              one(value.get(i), source, 0, "$.value[" + i + "]", vms, errors);
            }
          } else {
            one(node, source, line, "$", vms, errors);
          }
        } else {
          errors.accept(new FleetRecordError(source, 1, "$", "",
              "expected a VM object, an array of VMs or {\"value\": [...]}, found " + t));
          return;
        }
        JsonToken after = p.nextToken();
        if (after != null) {
          errors.accept(new FleetRecordError(source, p.currentTokenLocation().getLineNr(), "", "",
              "unexpected content after the ARM JSON document; give one document per file"));
        }
      } catch (JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        long at = loc == null ? line : loc.getLineNr();
        errors.accept(new FleetRecordError(source, at, "", "",
            "malformed JSON" + (loc == null ? "" : " at column " + loc.getColumnNr()) + ": "
                + firstLine(e.getOriginalMessage()) + "; records after this point were not read"));
      }
    }

    private void one(
        JsonNode node,
        String source,
        long line,
        String path,
        Consumer<? super VirtualMachine> vms,
        Consumer<? super FleetRecordError> errors) {
      List<FleetRecordError> found = new ArrayList<>();
      VirtualMachine vm = ArmMapping.toVirtualMachine(mapper, node, source, line, path, found);
      if (vm != null && found.isEmpty()) {
        vms.accept(vm);
      } else {
        found.forEach(errors);
      }
    }
  }
}
