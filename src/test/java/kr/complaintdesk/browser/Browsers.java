package kr.complaintdesk.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers of one test: opens a fresh headless Chromium per person, keeps a screenshot and the page
 * source of each under {@code target/browser-screenshots/} when the test fails, and quits them all after
 * the test. Register it as an instance field with {@code @RegisterExtension}.
 */
public class Browsers implements AfterTestExecutionCallback, AfterEachCallback {

  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private final List<Tasklist> open = new ArrayList<>();

  /** A new browser (own profile, no shared cookies) on the Tasklist of the application at {@code baseUrl}. */
  public Tasklist open(String baseUrl) {
    return open(baseUrl, "ko-KR");
  }

  /** The same for a person whose browser prefers {@code language} ({@code en-US}). */
  public Tasklist open(String baseUrl, String language) {
    Tasklist tasklist = Tasklist.launch(baseUrl, language);
    open.add(tasklist);
    return tasklist;
  }

  /** Runs before {@code @AfterEach} methods, while the browsers still show what went wrong. */
  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty() || open.isEmpty()) {
      return;
    }
    String test = testName(context);
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      context.getExecutionException().get().addSuppressed(e);
      return;
    }
    // The browser opened last is the one the test was working in: it gets the plain name.
    for (int i = open.size() - 1; i >= 0; i--) {
      Tasklist tasklist = open.get(i);
      String name = i == open.size() - 1 ? test : test + "-" + (i + 1) + "-" + tasklist.user();
      try {
        Files.write(SCREENSHOTS.resolve(name + ".png"), tasklist.screenshot());
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), tasklist.pageSource(), StandardCharsets.UTF_8);
        System.err.println("[browser] " + test + " failed; kept " + SCREENSHOTS.resolve(name + ".png").toAbsolutePath()
            + " (" + tasklist.user() + " at " + tasklist.currentUrl() + ")");
      } catch (RuntimeException | IOException e) {
        context.getExecutionException().get().addSuppressed(e);
      }
    }
  }

  /** The method name, and for a parameterized test the number of the invocation, so that each keeps its own. */
  private static String testName(ExtensionContext context) {
    Matcher invocation = Pattern.compile("#(\\d+)\\]$").matcher(context.getUniqueId());
    String method = context.getRequiredTestMethod().getName();
    return invocation.find() ? method + "-" + invocation.group(1) : method;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (Tasklist tasklist : open) {
      tasklist.close();
    }
    open.clear();
  }
}
