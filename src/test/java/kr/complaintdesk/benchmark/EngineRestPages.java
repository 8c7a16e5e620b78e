package kr.complaintdesk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole engine REST list page by page as admin (who sees everything without authorization checks). */
final class EngineRestPages {

  static final String ADMIN = "admin";
  private static final int PAGE = 1000;
  /** No list the benchmark reads is longer; a bound on the loop, not a filter. */
  private static final int MOST_PAGES = 1000;

  private EngineRestPages() {}

  /** Every element of {@code path} (which carries its own query and sort order), or fails the run. */
  static List<JsonNode> all(BenchHttp http, String path) {
    List<JsonNode> all = new ArrayList<>();
    String separator = path.contains("?") ? "&" : "?";
    for (int page = 0; page < MOST_PAGES; page++) {
      BenchHttp.Reply reply = http.get(ADMIN, path + separator + "firstResult=" + page * PAGE + "&maxResults=" + PAGE);
      if (reply.status() != 200) {
        throw new IllegalStateException("GET " + path + ": " + reply.problem());
      }
      JsonNode items = reply.json();
      items.forEach(all::add);
      if (items.size() < PAGE) {
        return all;
      }
    }
    throw new IllegalStateException("GET " + path + ": more than " + PAGE * MOST_PAGES + " elements");
  }

  static long count(BenchHttp http, String path) {
    BenchHttp.Reply reply = http.get(ADMIN, path);
    if (reply.status() != 200) {
      throw new IllegalStateException("GET " + path + ": " + reply.problem());
    }
    return reply.json().get("count").asLong();
  }
}
