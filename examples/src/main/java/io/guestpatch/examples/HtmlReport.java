package io.guestpatch.examples;

import io.guestpatch.orchestrator.PatchCycle;
import io.guestpatch.orchestrator.simulation.SimulatedFaults;
import io.guestpatch.orchestrator.simulation.SimulationOutcome;
import io.guestpatch.orchestrator.simulation.StageOutcome;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simulation's self-contained HTML report: inline CSS and SVG, no script, no network. A stacked bar
 * chart of installs started per UTC day by stage, a bar per region with the share of its eligible VMs
 * patched (regions in stage order, coloured like their stage), and a table of stages with failures and
 * halts.
 */
final class HtmlReport {
  private static final String[] COLORS = {
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
  };

  private HtmlReport() {}

  static void write(Path file, PatchCycle cycle, String fleet, SimulatedFaults faults, SimulationOutcome o) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(render(cycle, fleet, faults, o));
    } catch (IOException e) {
      throw new CliException("cannot write report " + file + ": " + CliSupport.describe(e), e);
    }
  }

  static String render(PatchCycle cycle, String fleet, SimulatedFaults faults, SimulationOutcome o) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>guestpatch simulation ")
        .append(esc(cycle.label())).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}\n")
        .append("h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}\n")
        .append("table{border-collapse:collapse}td,th{padding:.25em .8em;border-bottom:1px solid #ddd;text-align:right}\n")
        .append("td:first-child,th:first-child,td.l,th.l{text-align:left}th,td{white-space:nowrap}td.l{white-space:normal}.halt{color:#b00;font-weight:bold}\n")
        .append(".legend span{display:inline-block;margin-right:1em}.sw{display:inline-block;width:.9em;height:.9em;")
        .append("margin-right:.3em;vertical-align:middle}svg text{font-size:11px;fill:#444}\n")
        .append("</style></head><body>\n");
    h.append("<h1>Patch cycle ").append(esc(cycle.label())).append(": simulation</h1>\n<p>Fleet: ")
        .append(esc(fleet)).append(". Release ").append(cycle.release()).append(", deadline ")
        .append(cycle.deadline()).append(". Faults: failure rate ").append(fmt(faults.failureRate()))
        .append(", unhealthy rate ").append(fmt(faults.unhealthyRate()))
        .append(", timeout rate ").append(fmt(faults.timeoutRate()))
        .append(", hang rate ").append(fmt(faults.hangRate()))
        .append(faults.badRegion().map(r -> ", every install failing in " + esc(r)).orElse(""))
        .append(".</p>\n");
    h.append("<p><b>").append(count(o.patchedVms())).append("</b> of ")
        .append(count(o.eligibleVms())).append(" eligible VMs patched (")
        .append(String.format(Locale.ROOT, "%.1f%%", 100 * o.completion())).append("), ")
        .append(count(o.failedVms())).append(" failed after every retry.</p>\n");
    if (o.halted()) {
      h.append("<p class=\"halt\">Rollout halted: ").append(esc(o.haltReason().orElse("no reason given")))
          .append("</p>\n");
    } else {
      h.append("<p>No halt.</p>\n");
    }

    timeline(h, o);
    regions(h, o);
    stages(h, o);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void timeline(StringBuilder h, SimulationOutcome o) {
    h.append("<h2>Installs started per day, by stage</h2>\n");
    Map<LocalDate, int[]> days = new TreeMap<>(o.installsPerDayByStage());
    if (days.isEmpty()) {
      h.append("<p>No install started.</p>\n");
      return;
    }
    int stages = o.stages().size();
    int peak = 1;
    for (int[] v : days.values()) {
      stages = Math.max(stages, v.length);
      int sum = 0;
      for (int x : v) {
        sum += x;
      }
      peak = Math.max(peak, sum);
    }
    int step = tickStep(peak, 5);
    int ticks = (peak + step - 1) / step;
    int max = ticks * step;
    int n = days.size();
    int left = 70;
    int top = 10;
    int plotH = 240;
    int barW = Math.max(4, Math.min(48, 900 / n));
    // a date label ("12-08") is about 32px wide at 11px: leave at least 48px between labels
    int labelEvery = Math.max(1, (48 + barW - 1) / barW);
    int width = Math.max(left + n * barW + 20, 360);
    int height = top + plotH + 44;
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" role=\"img\" aria-label=\"installs per day by stage\">\n");
    for (int t = 0; t <= ticks; t++) {
      int value = t * step;
      double y = top + plotH - plotH * (double) value / max;
      h.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/><text x=\"%d\" y=\"%.1f\" "
              + "text-anchor=\"end\">%,d</text>\n", left, y, left + n * barW, y, t == 0 ? "#999" : "#eee",
          left - 6, y + 4, value));
    }
    h.append(String.format(Locale.ROOT,
        "<text transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\">installs started</text>\n",
        top + plotH / 2));
    h.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">day (UTC, month-day)</text>\n",
        left + n * barW / 2, top + plotH + 38));
    int i = 0;
    for (Map.Entry<LocalDate, int[]> e : days.entrySet()) {
      double x = left + i * barW;
      double y = top + plotH;
      for (int s = 0; s < e.getValue().length; s++) {
        int v = e.getValue()[s];
        if (v == 0) {
          continue;
        }
        double bh = plotH * (double) v / max;
        y -= bh;
        h.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s stage %d: %,d</title></rect>\n",
            x + 1, y, barW - 2, bh, COLORS[s % COLORS.length], e.getKey(), s, v));
      }
      if (i % labelEvery == 0) {
        h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
            x + barW / 2.0, top + plotH + 16, e.getKey().toString().substring(5)));
      }
      i++;
    }
    h.append("</svg>\n<div class=\"legend\">");
    for (int s = 0; s < stages; s++) {
      h.append("<span><i class=\"sw\" style=\"background:").append(COLORS[s % COLORS.length])
          .append("\"></i>stage ").append(s).append("</span>");
    }
    h.append("</div>\n");
  }

  private static void regions(StringBuilder h, SimulationOutcome o) {
    h.append("<h2>Completion per region, in stage order</h2>\n<p>Share of each region's eligible VMs patched, ")
        .append("the bar in its stage's colour.</p>\n");
    Map<String, double[]> completion = o.completionByRegion();
    if (completion.isEmpty()) {
      h.append("<p>No region.</p>\n");
      return;
    }
    // regions in stage order, then any region no stage holds (grey)
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (StageOutcome s : o.stages()) {
      for (String region : new TreeSet<>(s.regions())) {
        if (completion.containsKey(region)) {
          ordered.putIfAbsent(region, s.index());
        }
      }
    }
    for (String region : new TreeSet<>(completion.keySet())) {
      ordered.putIfAbsent(region, -1);
    }
    int rowH = 20;
    int left = 190;
    int barMax = 500;
    int height = ordered.size() * rowH + 10;
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(left + barMax + 200)
        .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"completion per region\">\n");
    int i = 0;
    int lastStage = Integer.MIN_VALUE;
    for (Map.Entry<String, Integer> e : ordered.entrySet()) {
      double[] v = completion.get(e.getKey());
      double patched = v[0];
      double eligible = v[1];
      double share = eligible > 0 ? patched / eligible : 0;
      int stage = e.getValue();
      int y = 5 + i * rowH;
      if (stage != lastStage) {
        h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-weight=\"bold\">%s</text>",
            y + 13, stage < 0 ? "no stage" : "stage " + stage));
        lastStage = stage;
      }
      String color = stage < 0 ? "#999" : COLORS[stage % COLORS.length];
      h.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
              + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#eee\"/>"
              + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
              + "<text x=\"%d\" y=\"%d\">%.1f%% (%,.0f/%,.0f)</text>\n",
          left - 6, y + 13, esc(e.getKey()), left, y + 2, barMax, rowH - 6, left, y + 2, barMax * share, rowH - 6,
          color, left + barMax + 6, y + 13, 100 * share, patched, eligible));
      i++;
    }
    h.append("</svg>\n");
  }

  /** A round tick step (1, 2 or 5 times a power of ten) giving about {@code ticks} ticks up to {@code max}. */
  static int tickStep(int max, int ticks) {
    double raw = Math.max(1.0, (double) max / ticks);
    double pow = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / pow;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return (int) Math.max(1, Math.round(nice * pow));
  }

  private static void stages(StringBuilder h, SimulationOutcome o) {
    h.append("<h2>Stages, failures and halts</h2>\n<table><tr><th>stage</th><th class=\"l\">regions</th><th>VMs</th>"
        + "<th>patched</th><th>failed</th><th>days used</th><th>gate</th></tr>\n");
    for (StageOutcome s : o.stages()) {
      h.append("<tr><td>").append(s.index()).append("</td><td class=\"l\">")
          .append(esc(String.join(", ", s.regions()))).append("</td><td>")
          .append(count(s.vms())).append("</td><td>")
          .append(count(s.patched())).append("</td><td>")
          .append(count(s.failed())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", s.daysUsed())).append("</td><td>")
          .append(s.gatePassed() ? "passed" : "not passed").append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (o.halted()) {
      h.append("<p class=\"halt\">Halted: ").append(esc(o.haltReason().orElse("no reason given"))).append("</p>\n");
    }
  }

  /** A count with thousands separators, as in "1,234". */
  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.3f", d).replaceAll("0+$", "").replaceAll("\\.$", ".0");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<': b.append("&lt;"); break;
        case '>': b.append("&gt;"); break;
        case '&': b.append("&amp;"); break;
        case '"': b.append("&quot;"); break;
        case '\'': b.append("&#39;"); break;
        default: b.append(c);
      }
    }
    return b.toString();
  }
}
