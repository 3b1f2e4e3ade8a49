package io.guestpatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class QuickTest {
  @Test
  void roundTrip() throws Exception {
    ObjectMapper m = PatchJson.newObjectMapper();
    JsonNode tree;
    try (InputStream in = getClass().getResourceAsStream("/azure/assess-result.json")) {
      tree = m.readTree(in);
    }
    VirtualMachineAssessPatchesResult r = m.treeToValue(tree, VirtualMachineAssessPatchesResult.class);
    System.out.println(r);
    JsonNode back = m.valueToTree(r);
    System.out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(back));
    assertThat(back).isEqualTo(tree);
  }
}
