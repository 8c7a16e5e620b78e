package kr.complaintdesk.benchmark;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of one run on one database: a Markdown table with the targets of issue 11 beside each
 * figure, and the same figures with every detail as JSON.
 */
final class Report {

  /** One line of the main table. */
  record Row(String figure, String app, String bare, String ratio, String target, String met) {}

  /** One line of the filter table. */
  record FilterRow(String filter, String user, String tasks, String count, String list, String calls, String met) {}

  final Map<String, Object> json = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();
  private final List<FilterRow> filterRows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final String title;

  Report(String title) {
    this.title = title;
  }

  void row(String figure, String app, String bare, String ratio, String target, String met) {
    rows.add(new Row(figure, app, bare, ratio, target, met));
  }

  void filterRow(FilterRow row) {
    filterRows.add(row);
  }

  void note(String note) {
    notes.add(note);
  }

  /** A correctness failure: reported, and the run fails once the report is written. */
  void fail(String failure) {
    failures.add(failure);
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  void put(String key, Object value) {
    json.put(key, value);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## ").append(title).append("\n\n");
    @SuppressWarnings("unchecked")
    Map<String, Object> machine = (Map<String, Object>) json.getOrDefault("machine", Map.of());
    machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
    md.append('\n');
    md.append("| figure | application | bare engine | ratio | target | met? |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      md.append("| ").append(String.join(" | ", row.figure(), row.app(), row.bare(), row.ratio(), row.target(), row.met()))
          .append(" |\n");
    }
    if (!filterRows.isEmpty()) {
      md.append("\n| Tasklist filter | as | tasks (count) | count p50 / p95 | first page p50 / p95 | calls | target | met? |\n");
      md.append("|---|---|---|---|---|---|---|---|\n");
      for (FilterRow row : filterRows) {
        md.append("| ").append(String.join(" | ", row.filter(), row.user(), row.tasks(), row.count(), row.list(),
            row.calls(), "p95 < 100 ms", row.met())).append(" |\n");
      }
    }
    if (!notes.isEmpty()) {
      md.append('\n');
      notes.forEach(note -> md.append("- ").append(note).append('\n'));
    }
    md.append('\n').append(failures.isEmpty() ? "Errors: none.\n" : "**Errors:**\n");
    failures.forEach(failure -> md.append("- ").append(failure).append('\n'));
    return md.toString();
  }

  void write(Path markdownFile, Path jsonFile) {
    json.put("failures", failures);
    json.put("notes", notes);
    json.put("table", rows);
    json.put("filterTable", filterRows);
    try {
      Files.createDirectories(markdownFile.toAbsolutePath().getParent());
      Files.writeString(markdownFile, markdown(), StandardCharsets.UTF_8);
      Files.writeString(jsonFile, BenchHttp.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the report", e);
    }
  }

  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "—";
    }
    return millis >= 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
        : millis >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
  }

  static String num(double value, int decimals) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  static String yesNo(boolean met) {
    return met ? "yes" : "**no**";
  }
}
