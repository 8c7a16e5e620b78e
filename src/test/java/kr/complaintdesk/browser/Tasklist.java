package kr.complaintdesk.browser;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.complaintdesk.support.ExternalTool;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as one person sees it in headless Chromium: log in, start a process with its start
 * form, find a task of a case by its business key, claim, fill and complete its Camunda Form.
 *
 * <p>The browser's clock follows the engine clock (which tests move with {@code ClockUtil} before they open a
 * browser), and its time zone is Korea's: what the page takes for "today" is the application's today.
 *
 * <p>Only Debian's {@code chromium} and {@code chromedriver} are used (paths from {@link ExternalTool}). Both
 * are given to Selenium explicitly, so Selenium Manager is never run and nothing is downloaded.
 */
public final class Tasklist implements AutoCloseable {

  /** Longest wait for one thing to appear in the browser. */
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  /** Longest wait for a task to show up in a list, reloading in between. */
  static final Duration LIST_TIMEOUT = Duration.ofSeconds(40);

  private static final By FILTERS = By.cssSelector(".task-filters .task-filter");
  private static final By TASK_ENTRIES = By.cssSelector("[cam-tasks] ol.tasks-list > li.task");
  private static final By MODAL = By.cssSelector(".modal");
  private static final By START_BUTTON = By.cssSelector(".modal-footer button.btn-primary[ng-click='startProcessInstance()']");
  private static final By TASK_FORM = By.cssSelector(".task-details .fjs-form");
  private static final By CLAIM = By.cssSelector(".task-details button.claim");
  private static final By COMPLETE = By.cssSelector(".task-details .form-actions button.btn-primary");
  private static final By NOTIFICATIONS = By.cssSelector(".notifications .alert");
  private static final By NOTIFICATION_CLOSE = By.cssSelector(".notifications .alert .close");

  private final ChromeDriver driver;
  private final Path profile;
  private final String baseUrl;
  private final WebDriverWait wait;
  private String user = "anonymous";

  private Tasklist(ChromeDriver driver, Path profile, String baseUrl) {
    this.driver = driver;
    this.profile = profile;
    this.baseUrl = baseUrl;
    this.wait = waitFor(driver, TIMEOUT);
  }

  static Tasklist launch(String baseUrl) {
    return launch(baseUrl, "ko-KR");
  }

  /** A browser whose user prefers {@code language} (e.g. {@code en-US}: the webapps must still speak Korean). */
  static Tasklist launch(String baseUrl, String language) {
    String primary = language.substring(0, 2);
    Path profile;
    try {
      profile = Files.createTempDirectory("tasklist-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(ExternalTool.chromiumBinary());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1600,1000", "--lang=" + language,
        "--accept-lang=" + language + "," + primary, "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language + "," + primary));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(ExternalTool.chromedriverBinary()))
        .usingAnyFreePort()
        // Tasklist shows dates in the browser's time zone: the staff's.
        .withEnvironment(Map.of("TZ", "Asia/Seoul"))
        .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      // Headless Chromium ignores --lang for Intl (form-js date formats follow it); --accept-lang sets only
      // navigator.language. Emulate a Korean browser the way DevTools does, for this tab and its navigations.
      driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", language));
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
          Map.of("source", clockScript(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis())));
      return new Tasklist(driver, profile, baseUrl);
    } catch (RuntimeException e) {
      deleteQuietly(profile);
      throw e;
    }
  }

  /**
   * A script that makes the page's clock ({@code new Date()}, {@code Date.now()}) run {@code offsetMillis}
   * ahead of the machine's, so that the browser agrees with the engine clock at launch, as a member of staff's
   * computer agrees with the server. The browser decides some things by its own "today": form-js refuses a
   * date before it in a field that disallows passed dates, and Tasklist shows due and created times relative
   * to it. Dates given to {@code Date} are left alone.
   */
  static String clockScript(long offsetMillis) {
    return "(() => {"
        + " const offset = " + offsetMillis + ";"
        + " const SystemDate = Date;"
        + " const now = () => SystemDate.now() + offset;"
        + " globalThis.Date = new Proxy(SystemDate, {"
        + "  construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),"
        + "  apply: () => new SystemDate(now()).toString(),"
        + "  get: (target, key) => key === 'now' ? now : Reflect.get(target, key)"
        + " });"
        + "})();";
  }

  static WebDriverWait waitFor(WebDriver driver, Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  public String user() {
    return user;
  }

  public String tasklistUrl() {
    return baseUrl + "/camunda/app/tasklist/default/";
  }

  /** Today as the page sees it (by its clock, in its time zone). */
  public LocalDate today() {
    @SuppressWarnings("unchecked")
    List<Number> day = (List<Number>) js("const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()];");
    return LocalDate.of(day.get(0).intValue(), day.get(1).intValue(), day.get(2).intValue());
  }

  // ---------------------------------------------------------------- login

  public Tasklist login(String userId, String password) {
    driver.get(tasklistUrl());
    By username = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
    By passwordField = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(username));
    // The login page moves the focus to the user name once it has started; keys typed before that can land in
    // the wrong field. Type again until both fields hold what was typed.
    wait.withMessage(() -> "login form of " + userId + " should take the credentials")
        .until(d -> {
          WebElement user = d.findElement(username);
          WebElement secret = d.findElement(passwordField);
          if (userId.equals(user.getDomProperty("value")) && password.equals(secret.getDomProperty("value"))) {
            return true;
          }
          user.clear();
          user.sendKeys(userId);
          secret.clear();
          secret.sendKeys(password);
          return false;
        });
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.withMessage(() -> userId + " should be logged in; notifications: " + notifications())
        .until(ExpectedConditions.visibilityOfElementLocated(FILTERS));
    this.user = userId;
    return this;
  }

  // ---------------------------------------------------------------- start a process

  /** Opens "Start process", picks the process by name and waits for its start form. */
  public CamundaForm openStartForm(String processName) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
    By process = By.xpath("//*[contains(@class,'modal')]//ul[contains(@class,'processes')]//a[normalize-space(.) = '"
        + processName + "']");
    wait.withMessage(() -> "process " + processName + " in the start dialog").until(ExpectedConditions.elementToBeClickable(process)).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-form")));
    return new CamundaForm(driver, TIMEOUT, ".modal");
  }

  /** Presses Start and waits until the dialog closed, which Tasklist does only after the engine started the instance. */
  public void submitStartForm() {
    wait.withMessage(() -> "Start should be enabled; form errors: " + new CamundaForm(driver, TIMEOUT, ".modal").errors())
        .until(ExpectedConditions.elementToBeClickable(START_BUTTON)).click();
    wait.withMessage(() -> "the start dialog should close; notifications: " + notifications()
            + ", form errors: " + new CamundaForm(driver, TIMEOUT, ".modal").errors())
        .until(ExpectedConditions.invisibilityOfElementLocated(MODAL));
  }

  // ---------------------------------------------------------------- filters and the task list

  /** The names of the filters in the left column, as the user sees them (without the counter). */
  public List<String> filterNames() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(FILTERS));
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) js("return Array.from(document.querySelectorAll('.task-filters .task-filter h4.name a'))"
        + ".map(a => a.firstChild ? a.firstChild.textContent.trim() : a.textContent.trim());");
    return names;
  }

  /** Clicks the filter and waits until its task list has loaded. */
  public Tasklist openFilter(String filterName) {
    wait.withMessage(() -> "filter " + filterName + " among " + filterNames())
        .until(d -> {
          for (WebElement filter : d.findElements(FILTERS)) {
            WebElement link = filter.findElement(By.cssSelector("h4.name a"));
            if (filterName.equals(firstText(link))) {
              link.click();
              return true;
            }
          }
          return false;
        });
    wait.withMessage(() -> "filter " + filterName + " should be active and its list loaded")
        .until(d -> filterName.equals(activeFilter()) && listLoaded());
    return this;
  }

  private String activeFilter() {
    List<WebElement> active = driver.findElements(By.cssSelector(".task-filters .task-filter.active h4.name a"));
    return active.isEmpty() ? null : firstText(active.get(0));
  }

  private boolean listLoaded() {
    Boolean loaded = (Boolean) js("const list = document.querySelector('[cam-tasks]');"
        + "if (!list) return false;"
        + "const loader = list.querySelector('.loader');"
        + "const busy = loader && loader.offsetParent !== null;"
        + "return !busy && !!list.querySelector('ol.tasks-list > li.task, .well');");
    return Boolean.TRUE.equals(loaded);
  }

  /** The texts of the entries of the list on screen, one line each. */
  public List<String> taskEntries() {
    return driver.findElements(TASK_ENTRIES).stream()
        .map(entry -> entry.getText().replaceAll("\\s+", " ").trim())
        .collect(Collectors.toList());
  }

  /** The entry of the open list that belongs to the case and carries the task name, if shown. */
  public Optional<WebElement> taskEntry(String businessKey, String taskName) {
    for (WebElement entry : driver.findElements(TASK_ENTRIES)) {
      String name = entry.findElement(By.cssSelector("h4.task a")).getText().trim();
      if (name.equals(taskName) && entry.getText().contains(businessKey)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /**
   * Waits until the filter lists the task of the case. Tasklist does not always refresh the list after a
   * start or a completion, so the page is reloaded until the task shows up.
   */
  public WebElement awaitTaskEntry(String filterName, String businessKey, String taskName) {
    return waitFor(driver, LIST_TIMEOUT)
        .pollingEvery(Duration.ofMillis(500))
        .withMessage(() -> taskName + " of " + businessKey + " should show in " + filterName + "; shown: " + taskEntries())
        .until(d -> {
          if (!filterName.equals(activeFilter()) || taskEntry(businessKey, taskName).isEmpty()) {
            d.navigate().refresh();
            openFilter(filterName);
            searchBusinessKey(businessKey);
          }
          return taskEntry(businessKey, taskName).orElse(null);
        });
  }

  /**
   * Narrows the open filter to one case with Tasklist's own search (business key =), as a person types it in the
   * search bar: the filters list the most urgent first, so a case's task need not be on the first page of a filter
   * that other cases of the same test database fill.
   */
  private void searchBusinessKey(String businessKey) {
    String url = driver.getCurrentUrl().replaceAll("&searchQuery=[^&]*", "");
    String search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + businessKey + "\"}]";
    driver.get(url + (url.contains("?") ? "&" : "?") + "searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
    wait.until(d -> listLoaded());
  }

  /** Finds the task of the case in the filter (reloading as needed) and opens it in the task view. */
  public Tasklist openTask(String filterName, String businessKey, String taskName) {
    awaitTaskEntry(filterName, businessKey, taskName).findElement(By.cssSelector("h4.task a")).click();
    wait.withMessage(() -> "task view should show " + taskName + " but shows " + taskHeading())
        .until(d -> taskHeading().map(taskName::equals).orElse(false));
    wait.withMessage(() -> "form of " + taskName).until(ExpectedConditions.visibilityOfElementLocated(TASK_FORM));
    return this;
  }

  /** Opens a task by its Tasklist link ({@code #/?task=<id>}), as from a bookmark or a pasted URL. */
  public Tasklist openTaskUrl(String taskId) {
    // Leave Tasklist first: from inside it, the link would only change the fragment. A bookmark loads the page afresh.
    driver.get("about:blank");
    driver.get(tasklistUrl() + "#/?task=" + taskId);
    wait.until(ExpectedConditions.visibilityOfElementLocated(FILTERS));
    return this;
  }

  /** The name of the task shown in the task column, if one is shown. */
  public Optional<String> taskHeading() {
    List<WebElement> headings = driver.findElements(By.cssSelector(".task-details .names h2.task"));
    return headings.stream().filter(WebElement::isDisplayed).map(h -> h.getText().trim()).findFirst();
  }

  public boolean showsTaskForm() {
    return driver.findElements(TASK_FORM).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Waits until Tasklist shows a notification whose text contains {@code text}, and returns all notifications. */
  public List<String> awaitNotification(String text) {
    wait.withMessage(() -> "notification containing " + text + "; shown: " + notifications())
        .until(d -> notifications().stream().anyMatch(n -> n.contains(text)));
    return notifications();
  }

  public List<String> notifications() {
    return driver.findElements(NOTIFICATIONS).stream()
        .filter(WebElement::isDisplayed)
        .map(n -> n.getText().replaceAll("\\s+", " ").trim())
        .collect(Collectors.toList());
  }

  // ---------------------------------------------------------------- task view

  /** Claims the open task; form-js then renders the form editable. */
  public CamundaForm claim() {
    clickable(CLAIM).click();
    wait.withMessage(() -> "claim should finish; notifications: " + notifications())
        .until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
    return taskForm();
  }

  /**
   * Presses Claim on a task the server will refuse (someone else holds it): waits for Tasklist's error
   * notification containing {@code text} and returns all notifications.
   */
  public List<String> claimRefused(String text) {
    clickable(CLAIM).click();
    List<String> shown = awaitNotification(text);
    dismissNotifications();
    return shown;
  }

  /** Whether a notification shows the engine's own text (its codes, exception names, SQL) instead of ours. */
  public static boolean showsEngineText(String notification) {
    return notification.contains("ENGINE-") || notification.contains("Exception") || notification.contains("SQL");
  }

  /** Opens the task view's tab "사건" (the case panel) and waits until it shows the case. */
  public CasePanel openCasePanel(String caseNumber) {
    clickable(By.xpath("//*[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='사건']"))
        .click();
    return new CasePanel(driver, TIMEOUT).awaitCase(caseNumber);
  }

  public CamundaForm taskForm() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(TASK_FORM));
    return new CamundaForm(driver, TIMEOUT, ".task-details");
  }

  /** Presses Complete once form-js has validated the form. */
  public void complete() {
    wait.withMessage(() -> "Complete should be enabled; form errors: " + taskForm().errors())
        .until(ExpectedConditions.elementToBeClickable(COMPLETE));
    clickable(COMPLETE).click();
    wait.withMessage(() -> "the completed form should leave the task view; notifications: " + notifications())
        .until(ExpectedConditions.invisibilityOfElementLocated(COMPLETE));
  }

  /**
   * Presses Complete on a form the server will refuse: waits for Tasklist's error notification containing
   * {@code text} and returns all notifications; the task stays open.
   */
  public List<String> completeRefused(String text) {
    wait.withMessage(() -> "Complete should be enabled; form errors: " + taskForm().errors())
        .until(ExpectedConditions.elementToBeClickable(COMPLETE));
    clickable(COMPLETE).click();
    List<String> shown = awaitNotification(text);
    dismissNotifications();
    return shown;
  }

  /**
   * Presses Complete on a form that form-js refuses (a required field is empty, a value is out of bounds): waits
   * until form-js shows its validation messages and returns them; the task stays open.
   */
  public List<String> completeInvalid() {
    wait.withMessage(() -> "Complete should be enabled").until(ExpectedConditions.elementToBeClickable(COMPLETE));
    clickable(COMPLETE).click();
    CamundaForm form = taskForm();
    wait.withMessage(() -> "the form should show why it cannot be completed; notifications: " + notifications())
        .until(d -> !form.errors().isEmpty());
    return form.errors();
  }

  /** Closes the notifications Tasklist shows (an error stays until closed and covers the form below it). */
  public void dismissNotifications() {
    for (WebElement close : driver.findElements(NOTIFICATION_CLOSE)) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    wait.withMessage(() -> "notifications should close; shown: " + notifications())
        .until(d -> notifications().isEmpty());
  }

  // ---------------------------------------------------------------- diagnostics and lifecycle

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** Goes to {@code path} of the application (another webapp of the same login, e.g. Cockpit). */
  public Tasklist go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /** The text a person sees on the page now: visible text, and the titles and placeholders of what is visible. */
  public String visibleText() {
    return (String) js("const seen = [document.body.innerText];"
        + "document.querySelectorAll('[title], [placeholder], [aria-label]').forEach(e => {"
        + " if (e.offsetParent !== null) { seen.push(e.getAttribute('title') || '', e.getAttribute('placeholder') || ''); } });"
        + "return seen.join('\\n');");
  }

  /**
   * Whether {@code text} can be read on a task's card as the list shows it, closed: an element with that text lies
   * inside the card's details box and is not cut off by it.
   */
  public boolean readsOnClosedCard(WebElement card, String text) {
    return Boolean.TRUE.equals(js("const card = arguments[0], text = arguments[1];"
        + "const box = card.querySelector('.task-card-details');"
        + "if (!box || box.classList.contains('expanded')) return false;"
        + "const limit = box.getBoundingClientRect().bottom;"
        + "const hits = [...box.querySelectorAll('*')].filter(e => e.children.length === 0 && e.textContent.includes(text));"
        + "return hits.some(e => { const r = e.getBoundingClientRect(); return r.height > 0 && r.bottom <= limit + 1; });",
        card, text));
  }

  /** Where a card's details box ends and where each text in it lies, for a failure message. */
  public String cardLayout(WebElement card) {
    return String.valueOf(js("const box = arguments[0].querySelector('.task-card-details');"
        + "const place = e => Math.round(e.getBoundingClientRect().top) + '-' + Math.round(e.getBoundingClientRect().bottom);"
        + "return 'box ' + place(box) + ': ' + [...box.querySelectorAll('*')].filter(e => e.children.length === 0)"
        + "  .map(e => e.textContent.trim().slice(0, 12) + '@' + place(e)).join(' | ');", card));
  }

  /** Whether an element matching {@code css} is shown (laid out and not hidden). */
  public boolean shows(String css) {
    return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Waits until {@code condition} holds for the page, reporting {@code what} when it does not. */
  public Tasklist await(String what, java.util.function.Supplier<Boolean> condition) {
    waitFor(driver, TIMEOUT).withMessage(what).until(d -> condition.get());
    return this;
  }

  byte[] screenshot() {
    return driver.getScreenshotAs(OutputType.BYTES);
  }

  String pageSource() {
    return driver.getPageSource();
  }

  /** Waits until clickable and scrolls it to the middle of the view, clear of the fixed header and footer. */
  private WebElement clickable(By by) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    return element;
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The link's own text without the counter Tasklist appends to the active filter. */
  private String firstText(WebElement link) {
    Object text = js("const a = arguments[0]; return (a.firstChild ? a.firstChild.textContent : a.textContent).trim();", link);
    if (text == null) {
      throw new NoSuchElementException("filter name");
    }
    return text.toString();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp profile is harmless
    }
  }
}
