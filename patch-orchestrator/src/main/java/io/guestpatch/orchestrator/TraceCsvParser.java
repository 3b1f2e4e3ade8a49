package io.guestpatch.orchestrator;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 record splitter over a character stream: fields separated by commas, records by CRLF,
 * LF or CR, quoted fields that may hold commas, line breaks and doubled quotes. Tolerant: a syntax
 * problem is recorded for the record (the first one only) and parsing goes on with the next record.
 * Not thread-safe.
 */
final class TraceCsvParser {
  private static final int EOF = -1;

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private long line = 1;
  private final StringBuilder field = new StringBuilder(128);

  /** The fields of the record last read. */
  final List<String> fields = new ArrayList<>(16);
  /** The 1-based line on which the record last read starts. */
  long recordLine;
  /** A syntax problem of the record last read, or null. */
  String problem;
  /** The 1-based field number of {@link #problem}. */
  int problemColumn;

  TraceCsvParser(Reader in) {
    this.in = in;
  }

  private int read() throws IOException {
    int c = peek();
    if (c != EOF) {
      pos++;
    }
    return c;
  }

  private int peek() throws IOException {
    if (pos == limit) {
      limit = in.read(buf, 0, buf.length);
      pos = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
    }
    return buf[pos];
  }

  /** Skips a byte-order mark at the very start. */
  void skipBom() throws IOException {
    if (peek() == '\uFEFF') {
      pos++;
    }
  }

  /**
   * Reads the next record into {@link #fields}, skipping empty lines.
   *
   * @return false at the end of input
   */
  boolean next() throws IOException {
    fields.clear();
    problem = null;
    problemColumn = 0;
    int c;
    // skip empty lines
    while (true) {
      c = peek();
      if (c == EOF) {
        return false;
      }
      if (c == '\n') {
        pos++;
        line++;
      } else if (c == '\r') {
        pos++;
        if (peek() == '\n') {
          pos++;
        }
        line++;
      } else {
        break;
      }
    }
    recordLine = line;
    field.setLength(0);
    boolean quoted = false; // inside a quoted field
    boolean wasQuoted = false; // the current field started with a quote
    boolean afterClose = false; // a quoted field's closing quote was seen
    while (true) {
      c = read();
      if (quoted) {
        if (c == EOF) {
          problem("a quoted field is not closed before the end of the file; close it with a double quote");
          fields.add(field.toString());
          return true;
        }
        if (c == '"') {
          if (peek() == '"') {
            pos++;
            field.append('"');
          } else {
            quoted = false;
            afterClose = true;
          }
        } else {
          if (c == '\n') {
            line++;
          } else if (c == '\r') {
            if (peek() != '\n') {
              line++;
            }
          }
          field.append((char) c);
        }
        continue;
      }
      if (c == ',' || c == '\n' || c == '\r' || c == EOF) {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
        afterClose = false;
        if (c == ',') {
          continue;
        }
        if (c == '\r' && peek() == '\n') {
          pos++;
        }
        if (c != EOF) {
          line++;
        }
        return true;
      }
      if (c == '"') {
        if (field.length() == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
          continue;
        }
        problem(
            wasQuoted
                ? "a quote inside a quoted field must be doubled (\"\")"
                : "a field holding a quote must be quoted, with the quote doubled (\"\")");
        field.append('"');
        continue;
      }
      if (afterClose) {
        problem("only a comma or a line break may follow a quoted field's closing quote");
        afterClose = false;
      }
      field.append((char) c);
    }
  }

  private void problem(String message) {
    if (problem == null) {
      problem = message;
      problemColumn = fields.size() + 1;
    }
  }
}
