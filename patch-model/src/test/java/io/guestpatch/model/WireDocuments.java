package io.guestpatch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the test documents under {@code /azure/} and runs them through the mapper. */
final class WireDocuments {
  static final ObjectMapper JSON = PatchJson.newObjectMapper();

  private WireDocuments() {}

  /** The document {@code /azure/<name>} as a tree. */
  static JsonNode tree(String name) {
    try (InputStream in = WireDocuments.class.getResourceAsStream("/azure/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test document /azure/" + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON text into a tree. */
  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T read(JsonNode tree, Class<T> type) {
    try {
      return JSON.treeToValue(tree, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads from text rather than a tree, the way a user reads an HTTP body. */
  static <T> T readText(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode write(Object value) {
    // Through text, so that what is checked is what a user would send.
    try {
      return JSON.readTree(JSON.writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the tree as the type and writes it back. */
  static JsonNode roundTrip(JsonNode tree, Class<?> type) {
    try {
      return write(readText(JSON.writeValueAsString(tree), type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
