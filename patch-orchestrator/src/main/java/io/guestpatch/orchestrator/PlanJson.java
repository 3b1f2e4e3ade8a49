package io.guestpatch.orchestrator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes a {@link Plan} as JSON (SPEC 5, {@code plan --out}), streaming with Jackson's
 * {@link JsonGenerator} so that a plan of millions of VMs never becomes a tree in memory:
 *
 * <pre>{@code
 * {"cycle": {"label": "2026-12", "release": "2026-12-08T18:00:00Z", "deadline": "...", "seed": 123},
 *  "stages": [{"index": 0, "regions": [{"region": "eastus", "vms": 10, "ineligibleVms": 1,
 *     "batches": [{"index": 0, "zone": "1", "constraints": ["ZONE", "SUBSCRIPTION_SHARE"],
 *                  "vms": ["/subscriptions/.../virtualMachines/vm1", ...]}]}]}],
 *  "summary": {...}}
 * }</pre>
 *
 * <p>{@code zone} is left out for a batch without zonal VMs; {@code constraints} are
 * {@link Batch.Constraint} names; {@code vms} are ARM ids. The summary is {@link PlanSummary} as
 * {@link #writeSummary} writes it. Stateless and thread-safe; errors of the writer propagate as
 * {@link IOException}, and the writer is flushed, never closed.
 */
public final class PlanJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private PlanJson() {}

  /** Writes the plan with its summary; flushes {@code out} and leaves it open. */
  public static void write(Plan plan, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      FleetIndex index = plan.index();
      PatchCycle cycle = plan.cycle();
      g.writeStartObject();
      g.writeObjectFieldStart("cycle");
      g.writeStringField("label", cycle.label());
      g.writeStringField("release", cycle.release().toString());
      g.writeStringField("deadline", cycle.deadline().toString());
      g.writeNumberField("seed", cycle.seed());
      g.writeEndObject();
      g.writeArrayFieldStart("stages");
      for (Stage stage : plan.stages()) {
        g.writeStartObject();
        g.writeNumberField("index", stage.index());
        g.writeArrayFieldStart("regions");
        for (RegionPlan region : stage.regions()) {
          g.writeStartObject();
          g.writeStringField("region", region.region());
          g.writeNumberField("vms", region.vms());
          g.writeNumberField("ineligibleVms", region.ineligibleVms());
          g.writeArrayFieldStart("batches");
          for (Batch batch : region.batches()) {
            g.writeStartObject();
            g.writeNumberField("index", batch.index());
            if (batch.zone().isPresent()) {
              g.writeStringField("zone", batch.zone().get());
            }
            g.writeArrayFieldStart("constraints");
            for (Batch.Constraint c : batch.constraints()) {
              g.writeString(c.name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("vms");
            for (int i = 0; i < batch.size(); i++) {
              g.writeString(index.vmId(batch.vm(i)));
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
      g.writeFieldName("summary");
      writeSummary(PlanSummary.of(plan), g);
      g.writeEndObject();
    }
    out.flush();
  }

  /**
   * Writes a summary as one JSON object: {@code eligibleVms}, {@code ineligibleVms}, {@code batches},
   * {@code ineligibleByReason} (code to count) and {@code stages}, each with {@code index},
   * {@code vms}, {@code ineligibleVms}, {@code batches}, {@code largestBatch} and {@code regions}
   * ({@code region}, {@code vms}, {@code ineligibleVms}, {@code batches}, {@code largestBatch}).
   */
  public static void writeSummary(PlanSummary summary, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("cycle", summary.cycle().label());
    g.writeNumberField("eligibleVms", summary.eligibleVms());
    g.writeNumberField("ineligibleVms", summary.ineligibleVms());
    g.writeNumberField("batches", summary.batches());
    g.writeObjectFieldStart("ineligibleByReason");
    for (Map.Entry<String, Integer> e : summary.ineligibleByReason().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("stages");
    for (PlanSummary.StageSummary s : summary.stages()) {
      g.writeStartObject();
      g.writeNumberField("index", s.index());
      g.writeNumberField("vms", s.vms());
      g.writeNumberField("ineligibleVms", s.ineligibleVms());
      g.writeNumberField("batches", s.batches());
      g.writeNumberField("largestBatch", s.largestBatch());
      g.writeArrayFieldStart("regions");
      for (PlanSummary.RegionSummary r : s.regions()) {
        g.writeStartObject();
        g.writeStringField("region", r.region());
        g.writeNumberField("vms", r.vms());
        g.writeNumberField("ineligibleVms", r.ineligibleVms());
        g.writeNumberField("batches", r.batches());
        g.writeNumberField("largestBatch", r.largestBatch());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
