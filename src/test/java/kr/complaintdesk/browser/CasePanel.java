package kr.complaintdesk.browser;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tab "사건" of Tasklist's task view (the case panel, {@code scripts/case-panel/}): what it shows of the case,
 * and its staff actions, each a form that asks for confirmation before it is sent.
 */
public final class CasePanel {

  private static final String ROOT = ".task-details .cd-case-panel";

  private final WebDriver driver;
  private final WebDriverWait wait;

  CasePanel(WebDriver driver, Duration timeout) {
    this.driver = driver;
    this.wait = Tasklist.waitFor(driver, timeout);
  }

  /** Waits until the panel shows the case (its summary carries the case number). */
  public CasePanel awaitCase(String caseNumber) {
    wait.withMessage(() -> "the case panel should show " + caseNumber + "; it shows: " + text())
        .until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(ROOT + " .cd-summary[data-case-number='" + caseNumber + "']")));
    return this;
  }

  /** Everything the panel shows, as one line. */
  public String text() {
    return driver.findElements(By.cssSelector(ROOT)).stream().map(e -> e.getText().replaceAll("\\s+", " "))
        .findFirst().orElse("");
  }

  public String summary() {
    return find(".cd-summary").getText().replaceAll("\\s+", " ");
  }

  public String customerSection() {
    return find(".cd-customer").getText().replaceAll("\\s+", " ");
  }

  public String customerId() {
    return find(".cd-customer").getDomAttribute("data-customer-id");
  }

  /** The case numbers listed as the customer's earlier complaints. */
  public List<String> earlierComplaints() {
    return all(".cd-customer .cd-earlier tbody tr").stream().map(tr -> tr.getDomAttribute("data-case-number")).toList();
  }

  /** The holder column of each open task, by task id. */
  public Map<String, String> taskHolders() {
    Map<String, String> holders = new LinkedHashMap<>();
    for (WebElement row : all(".cd-tasks tbody tr")) {
      holders.put(row.getDomAttribute("data-task-id"), row.findElement(By.cssSelector(".cd-holder")).getText().trim());
    }
    return holders;
  }

  /** The kinds of the timeline's rows, newest first as the panel lists them. */
  public List<String> timelineKinds() {
    return all(".cd-timeline tbody tr").stream().map(tr -> tr.getDomAttribute("data-kind")).toList();
  }

  /** The newest timeline row: who (as shown), what, and the details, one line each. */
  public String newestTimelineRow() {
    return all(".cd-timeline tbody tr").get(0).getText().replaceAll("\\s+", " ");
  }

  /** The names of the action buttons the panel offers. */
  public List<String> actions() {
    return all(".cd-actions [data-action]").stream().map(b -> b.getDomAttribute("data-action")).toList();
  }

  /** Opens the action's form and fills its fields: a select by option value, anything else by typing. */
  public CasePanel fill(String action, Map<String, String> values) {
    click(find(".cd-actions [data-action='" + action + "']"));
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(form(action)));
    values.forEach((name, value) -> {
      WebElement input = form.findElement(By.name(name));
      if ("select".equals(input.getTagName())) {
        new Select(input).selectByValue(value);
      } else {
        input.clear();
        input.sendKeys(value);
      }
    });
    return this;
  }

  /** Presses 확인 and returns the question the panel asks before it sends anything. */
  public String submit(String action) {
    click(driver.findElement(form(action)).findElement(By.cssSelector("button[type='submit']")));
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(formCss(action) + " .cd-confirm .cd-question")))
        .getText();
  }

  /** Answers yes and waits until the panel shows what was recorded (it reloads the case); returns that notice. */
  public String confirm(String action) {
    WebElement before = driver.findElement(By.cssSelector(ROOT));
    click(driver.findElement(By.cssSelector(formCss(action) + " [data-confirm='yes']")));
    wait.withMessage(() -> action + " should be recorded and the panel drawn afresh; it shows: " + text())
        .until(ExpectedConditions.stalenessOf(before));
    return waitFor(action, By.cssSelector(ROOT + " .cd-notice .alert-success")).getText();
  }

  /** Answers no: the form stays open with what was typed, and nothing is sent. */
  public CasePanel cancel(String action) {
    click(driver.findElement(By.cssSelector(formCss(action) + " [data-confirm='no']")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(formCss(action) + " .cd-confirm")));
    return this;
  }

  /** Answers yes to a request the API refuses and returns the refusal shown above the form's buttons. */
  public String confirmRefused(String action) {
    click(driver.findElement(By.cssSelector(formCss(action) + " [data-confirm='yes']")));
    return waitFor(action, By.cssSelector(formCss(action) + " .cd-problem")).getText();
  }

  /** The reasons shown under the fields of the action's form, by field name. */
  public Map<String, String> fieldErrors(String action) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (WebElement group : driver.findElements(By.cssSelector(formCss(action) + " .form-group"))) {
      WebElement reason = group.findElement(By.cssSelector(".cd-field-error"));
      if (reason.isDisplayed()) {
        errors.put(group.getDomAttribute("data-field"), reason.getText());
      }
    }
    return errors;
  }

  /** A picture of Tasklist with the panel, the window made tall enough to show all of it. */
  public byte[] screenshot() {
    Number height = (Number) ((JavascriptExecutor) driver).executeScript(
        "return document.querySelector(arguments[0]).scrollHeight;", ROOT);
    Dimension size = driver.manage().window().getSize();
    // Room for Tasklist's header and the task's heading above the panel, too.
    driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(8000, height.intValue() + 700)));
    try {
      return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    } finally {
      driver.manage().window().setSize(size);
    }
  }

  private WebElement waitFor(String action, By by) {
    return wait.withMessage(() -> action + " should be answered; the panel shows: " + text())
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static String formCss(String action) {
    return ROOT + " .cd-action-form[data-form='" + action + "']";
  }

  private static By form(String action) {
    return By.cssSelector(formCss(action));
  }

  private WebElement find(String css) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ROOT + " " + css)));
  }

  private List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(ROOT + " " + css));
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }
}
