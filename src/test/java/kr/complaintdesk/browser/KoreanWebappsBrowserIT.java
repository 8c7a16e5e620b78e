package kr.complaintdesk.browser;

import static kr.complaintdesk.support.CaseDriver.intake;
import static kr.complaintdesk.support.WebappFiles.bundledJson;
import static kr.complaintdesk.support.WebappFiles.ours;
import static kr.complaintdesk.support.WebappFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ExternalTool;
import kr.complaintdesk.support.Requires;
import kr.complaintdesk.support.TestData;
import kr.complaintdesk.support.WebappFiles;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The four webapps speak Korean to a member of staff whose browser prefers English: no label of the bundled
 * English files is shown, the Korean of a few labels each page must have is, and the Camunda end-of-life banner
 * is hidden from staff in Tasklist and Welcome and shown in Korean to operators in Cockpit and Admin. English
 * stays one click away on the Welcome page. Only words are read here, never dates.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=error",
    "logging.level.org.openqa.selenium.chromium.ChromiumDriver=error"})
@ActiveProfiles("test")
@Requires(ExternalTool.CHROMIUM)
class KoreanWebappsBrowserIT {

  static final String WEBJAR = WebappFiles.APP;
  static final Pattern HANGUL = Pattern.compile("\\p{IsHangul}");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|<[^>]*>");
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final Browsers browsers = new Browsers();
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  final List<ProcessInstance> started = new java.util.ArrayList<>();

  @AfterEach
  void removeCases() {
    runtimeService.deleteProcessInstancesIfExists(started.stream().map(ProcessInstance::getId).toList(),
        "browser test finished", true, true, false);
  }

  @Test
  void everyWebappSpeaksKoreanToABrowserThatPrefersEnglish() throws IOException {
    Tasklist admin = browsers.open("http://localhost:" + port, "en-US").login("admin", "demo");

    expectKorean(admin, "tasklist", "START_PROCESS", "CREATE_TASK");
    assertThat(admin.shows(".ce-eol-banner")).as("end-of-life banner in Tasklist").isFalse();

    admin.go("/camunda/app/welcome/default/");
    expectKorean(admin, "welcome", "APPLICATIONS", "PROFILE");
    assertThat(admin.shows(".ce-eol-banner")).as("end-of-life banner on the Welcome page").isFalse();

    admin.go("/camunda/app/cockpit/default/");
    expectKorean(admin, "cockpit", "COCKPIT_PROCESSES", "COCKPIT_DECISIONS", "COCKPIT_DEPLOYMENTS");
    assertThat(admin.shows(".ce-eol-banner")).as("Cockpit tells operators of the end of life").isTrue();
    assertThat(admin.visibleText()).contains(korean("cockpit").get("BANNER_CE_EOL_TEXT").replaceAll("<[^>]*>.*", "").trim());

    admin.go("/camunda/app/admin/default/");
    expectKorean(admin, "admin", "USERS_USERS", "GROUPS_GROUPS", "AUTHORIZATION_AUTHORIZATIONS");
  }

  @Test
  void aClosedTaskCardReadsTheCaseNumberCustomerCategoryAndPriority() {
    ProcessInstance complaint = new CaseDriver(engine).startCase(intake("DELIVERY_DELAY", "seoul")
        .putValue("customerName", "카드 확인 " + TestData.next()));
    started.add(complaint);
    String customer = (String) runtimeService.getVariable(complaint.getId(), "customerName");
    // P3 for a late delivery, P2 if the shared test database already knows the customer's phone: the case says.
    String priority = (String) runtimeService.getVariable(complaint.getId(), "priority");
    Tasklist agent = browsers.open("http://localhost:" + port, "en-US").login("cs-agent1", "demo");

    WebElement card = agent.awaitTaskEntry("내 그룹 작업", complaint.getBusinessKey(), "고객 1차 응대");

    for (String shown : List.of(complaint.getBusinessKey(), customer, "배송 지연", priority)) {
      assertThat(agent.readsOnClosedCard(card, shown)).as("%s on the closed card: %s", shown, agent.cardLayout(card)).isTrue();
    }
  }

  @Test
  void englishIsOneClickAwayOnTheWelcomePageAndKoreanOneClickBack() throws IOException {
    Tasklist agent = browsers.open("http://localhost:" + port, "ko-KR").login("cs-agent1", "demo");
    agent.go("/camunda/app/welcome/default/");
    expectKorean(agent, "welcome", "APPLICATIONS");

    agent.go("/camunda/app/tasklist/default/?lang=en");
    agent.await("Tasklist in English after ?lang=en", () -> agent.visibleText().contains("Start process"));
    agent.go("/camunda/app/cockpit/default/");
    agent.go("/camunda/app/tasklist/default/");
    agent.await("the choice of English is kept", () -> agent.visibleText().contains("Start process"));

    agent.go("/camunda/app/tasklist/default/?lang=ko");
    expectKorean(agent, "tasklist", "START_PROCESS");
  }

  /** Waits until the page shows the Korean of {@code keys} and no English label of the app's bundled file. */
  private void expectKorean(Tasklist page, String app, String... keys) throws IOException {
    Map<String, String> korean = korean(app);
    List<String> english = englishOnly(app, korean);
    page.await(app + " should show " + List.of(keys) + " in Korean and no English label; shown: "
        + shownEnglish(page.visibleText(), english), () -> {
          String text = page.visibleText();
          return HANGUL.matcher(text).find()
              && List.of(keys).stream().allMatch(key -> text.contains(korean.get(key)))
              && shownEnglish(text, english).isEmpty();
        });
  }

  private static List<String> shownEnglish(String text, List<String> english) {
    return english.stream().filter(text::contains).toList();
  }

  /**
   * The bundled English labels a page could show as they are: the ones of two words or more that Korean changes
   * (a single word such as "Tasklist" may be a product name; placeholders and markup are cut out).
   */
  private static List<String> englishOnly(String app, Map<String, String> korean) throws IOException {
    TreeSet<String> english = new TreeSet<>();
    labels(bundledEnglish(app)).forEach((key, value) -> {
      String plain = PLACEHOLDER.matcher(value).replaceAll(" ").trim();
      if (plain.matches("[A-Za-z][A-Za-z ,.'-]*[A-Za-z.]") && plain.contains(" ") && plain.length() >= 8
          && !value.equals(korean.get(key))) {
        english.add(plain);
      }
    });
    return List.copyOf(english);
  }

  private static Map<String, String> korean(String app) throws IOException {
    return labels(JSON.readTree(read(ours(WEBJAR + app + "/locales/ko.json").orElseThrow())));
  }

  private static JsonNode bundledEnglish(String app) throws IOException {
    return bundledJson(WEBJAR + app + "/locales/en.json");
  }

  private static Map<String, String> labels(JsonNode file) {
    Map<String, String> labels = new java.util.HashMap<>();
    file.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }
}
