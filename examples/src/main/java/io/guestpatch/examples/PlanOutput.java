package io.guestpatch.examples;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.guestpatch.orchestrator.Batch;
import io.guestpatch.orchestrator.FleetIndex;
import io.guestpatch.orchestrator.Plan;
import io.guestpatch.orchestrator.RegionPlan;
import io.guestpatch.orchestrator.Stage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a plan as JSON (SPEC 5: {@code stages}, each with {@code index} and {@code regions}, and per
 * region its batches), streaming so that a million-VM plan needs no document tree.
 */
final class PlanOutput {
  private PlanOutput() {}

  static void write(Plan plan, Path file) {
    FleetIndex index = plan.index();
    try (JsonGenerator g = CliSupport.outputMapper().getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("cycle", plan.cycle().label());
      g.writeStringField("release", plan.cycle().release().toString());
      g.writeStringField("deadline", plan.cycle().deadline().toString());
      g.writeNumberField("seed", plan.cycle().seed());
      g.writeNumberField("eligibleVms", plan.eligibleVms());
      g.writeNumberField("ineligibleVms", plan.ineligibleVms());
      g.writeArrayFieldStart("stages");
      for (Stage s : plan.stages()) {
        g.writeStartObject();
        g.writeNumberField("index", s.index());
        g.writeNumberField("vms", s.vms());
        g.writeArrayFieldStart("regions");
        for (RegionPlan r : s.regions()) {
          g.writeStartObject();
          g.writeStringField("region", r.region());
          g.writeNumberField("vms", r.vms());
          g.writeArrayFieldStart("batches");
          for (Batch b : r.batches()) {
            g.writeStartObject();
            g.writeNumberField("index", b.index());
            if (b.zone().isPresent()) {
              g.writeStringField("zone", b.zone().get());
            }
            g.writeArrayFieldStart("constraints");
            for (Batch.Constraint c : b.constraints()) {
              g.writeString(c.name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("vms");
            for (int i = 0; i < b.size(); i++) {
              g.writeString(index.vmId(b.vm(i)));
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new CliException("cannot write plan " + file + ": " + CliSupport.describe(e), e);
    }
  }
}
