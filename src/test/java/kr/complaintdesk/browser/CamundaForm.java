package kr.complaintdesk.browser;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Camunda Form (form-js) rendered by Tasklist, either in the start dialog or in the task view. Fields
 * are found by their form component id ({@code Field_contactNotes}): form-js gives each input an element
 * id ending in {@code -<component id>}.
 */
public final class CamundaForm {

  /** Three numbers with anything but digits between and around them: {@code 2026. 12. 7.}, {@code 12/7/2026}. */
  private static final Pattern DATE_TEXT = Pattern.compile("\\D*(\\d{1,4})\\D+(\\d{1,4})\\D+(\\d{1,4})\\D*");
  private static final Pattern TIME_TEXT = Pattern.compile("(\\d{1,2}):(\\d{2})");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String scope;

  CamundaForm(WebDriver driver, Duration timeout, String scope) {
    this.driver = driver;
    this.wait = Tasklist.waitFor(driver, timeout);
    this.scope = scope;
  }

  private By input(String componentId) {
    return By.cssSelector(scope + " [id$='-" + componentId + "']");
  }

  public WebElement field(String componentId) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(input(componentId)));
  }

  /** The current value of a text field or text area. */
  public String value(String componentId) {
    return field(componentId).getDomProperty("value");
  }

  /** Waits until a text field shows {@code expected} (Tasklist fills variables in after the form renders). */
  public String awaitValue(String componentId, String expected) {
    wait.withMessage(() -> componentId + " should show " + expected + " but shows " + value(componentId))
        .until(d -> expected.equals(value(componentId)));
    return value(componentId);
  }

  /** Whether the field is {@code disabled} (display-only fields of the forms are). */
  public boolean isDisabled(String componentId) {
    return !field(componentId).isEnabled();
  }

  /**
   * Whether the user can change the field: not disabled, not read-only, and not in a form Tasklist shows
   * disabled (it wraps the form of an unclaimed task in {@code .disabled-form}).
   */
  public boolean isEditable(String componentId) {
    WebElement field = field(componentId);
    Object inDisabledForm = ((JavascriptExecutor) driver).executeScript(
        "return arguments[0].closest('.disabled-form') !== null;", field);
    return field.isEnabled() && !Boolean.parseBoolean(field.getDomProperty("readOnly"))
        && !Boolean.TRUE.equals(inDisabledForm);
  }

  /** Waits until the field can be typed in: after a claim, form-js re-renders the form editable. */
  public CamundaForm awaitEditable(String componentId) {
    wait.withMessage(() -> componentId + " should become editable").until(d -> isEditable(componentId));
    return this;
  }

  /** The label the user sees in a select (also for disabled selects). */
  public String selected(String componentId) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(input(componentId + "-display"))).getText().trim();
  }

  /**
   * Types into a text field or text area and leaves it. The field is left by blurring it rather than by Tab,
   * so that focus does not land in the next component (a select or time input opens its list on focus).
   */
  public CamundaForm type(String componentId, String text) {
    WebElement element = clickable(input(componentId));
    element.click();
    element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    element.sendKeys(text);
    blur(element);
    wait.withMessage(() -> componentId + " should hold what was typed").until(d -> text.equals(value(componentId)));
    return this;
  }

  /**
   * Opens a form-js select and picks the option with this label, as a person does: once the option has come to rest
   * in sight in the open list. The list shows a few options at a time and scrolls smoothly (form-js sets
   * {@code scroll-behavior: smooth} on it), so an option further down slides into sight only after it was scrolled
   * to; clicked before, the click lands at a point outside the list, on the field under it.
   */
  public CamundaForm select(String componentId, String label) {
    By display = input(componentId + "-display");
    By option = By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space(.) = '" + label + "']");
    wait.withMessage(() -> "option " + label + " of " + componentId + " should show after opening the select")
        .until(d -> {
          if (d.findElements(option).stream().anyMatch(WebElement::isDisplayed)) {
            return true;
          }
          clickable(display).click();
          return false;
        });
    WebElement choice = clickable(option);
    double[] lastTop = {Double.NaN};
    wait.withMessage(() -> "option " + label + " of " + componentId + " should come to rest in sight in the open list")
        .until(d -> {
          double top = choice.getRect().getY();
          boolean atRest = top == lastTop[0];
          lastTop[0] = top;
          return atRest && clickLandsOn(choice);
        });
    choice.click();
    wait.withMessage(() -> componentId + " should show " + label + " but shows " + selected(componentId))
        .until(d -> label.equals(selected(componentId)));
    return this;
  }

  public CamundaForm check(String componentId) {
    WebElement box = clickable(input(componentId));
    if (!box.isSelected()) {
      box.click();
    }
    wait.withMessage(() -> componentId + " should be ticked").until(d -> field(componentId).isSelected());
    return this;
  }

  public boolean isChecked(String componentId) {
    return field(componentId).isSelected();
  }

  /**
   * Fills a form-js datetime component by typing, as a user does: the date as {@link #date} does, the time
   * as {@code HH:mm}. Waits until both inputs show what was meant, read as a date and a time.
   */
  public CamundaForm dateTime(String componentId, LocalDate date, LocalTime time) {
    date(componentId, date);
    String timeText = String.format("%02d:%02d", time.getHour(), time.getMinute());
    WebElement timeInput = clickable(input(componentId + "-time"));
    timeInput.click();
    timeInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, timeText);
    blur(timeInput);
    wait.withMessage(() -> componentId + " time should be " + time + " but shows " + value(componentId + "-time"))
        .until(d -> parseShownTime(value(componentId + "-time")).filter(time::equals).isPresent());
    return this;
  }

  /**
   * Fills the date input of a form-js datetime component (also one of subtype date) by typing the date in
   * the format of its placeholder, which follows the browser's language ({@code yyyy. mm. dd.} in Korean,
   * {@code mm/dd/yyyy} in English); form-js reads a typed day or month with or without a leading zero.
   * Waits until the input shows the date, however the browser renders it ({@link #shownDate}).
   */
  public CamundaForm date(String componentId, LocalDate date) {
    WebElement dateInput = clickable(input(componentId + "-date"));
    String dateText = formatLike(dateInput.getDomAttribute("placeholder"), date);
    dateInput.click();
    dateInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, dateText);
    blur(dateInput);
    awaitDate(componentId, date);
    return this;
  }

  /**
   * The date the date input of a datetime component shows, if it shows one. The text is the browser's
   * rendering (ICU): Debian's Chromium shows {@code 2026. 12. 7.}, older builds {@code 2026. 12. 07.}, an
   * English browser {@code 12/7/2026}; the order of year, month and day is taken from the placeholder.
   */
  public Optional<LocalDate> shownDate(String componentId) {
    WebElement dateInput = field(componentId + "-date");
    return parseShownDate(dateInput.getDomProperty("value"), dateInput.getDomAttribute("placeholder"));
  }

  /** Waits until the date input shows {@code expected} (Tasklist fills variables in after the form renders). */
  public LocalDate awaitDate(String componentId, LocalDate expected) {
    wait.withMessage(() -> componentId + " date should be " + expected + " but shows '" + value(componentId + "-date")
            + "' (placeholder " + field(componentId + "-date").getDomAttribute("placeholder") + ")")
        .until(d -> shownDate(componentId).filter(expected::equals).isPresent());
    return shownDate(componentId).orElseThrow();
  }

  /** What to type into a date input whose placeholder is {@code placeholder}, e.g. {@code yyyy. mm. dd.}. */
  static String formatLike(String placeholder, LocalDate date) {
    String pattern = placeholder == null || !placeholder.contains("yyyy") ? "mm/dd/yyyy" : placeholder.toLowerCase();
    return pattern.replace("yyyy", String.valueOf(date.getYear()))
        .replace("mm", String.format("%02d", date.getMonthValue()))
        .replace("dd", String.format("%02d", date.getDayOfMonth()));
  }

  /**
   * The date in a date input's text, leniently: the three numbers in the order the placeholder names year,
   * month and day ({@code yyyy. mm. dd.}, {@code mm/dd/yyyy}), with or without leading zeros. Empty if the
   * text is not a whole date.
   */
  static Optional<LocalDate> parseShownDate(String text, String placeholder) {
    if (text == null || placeholder == null) {
      return Optional.empty();
    }
    Matcher parts = DATE_TEXT.matcher(text.trim());
    String order = placeholder.toLowerCase().replaceAll("[^ymd]", "").replaceAll("(.)\\1+", "$1");
    if (!parts.matches() || !List.of("ymd", "mdy", "dmy").contains(order)) {
      return Optional.empty();
    }
    String year = parts.group(order.indexOf('y') + 1);
    if (year.length() != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(parts.group(order.indexOf('m') + 1)),
          Integer.parseInt(parts.group(order.indexOf('d') + 1))));
    } catch (DateTimeException notADay) {
      return Optional.empty();
    }
  }

  /**
   * The time in a time input's text: form-js writes it itself ({@code 14:30} with {@code use24h}, as the
   * forms are set), not the browser; a missing leading zero is accepted all the same.
   */
  static Optional<LocalTime> parseShownTime(String text) {
    Matcher parts = TIME_TEXT.matcher(text == null ? "" : text.trim());
    if (!parts.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalTime.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2))));
    } catch (DateTimeException notATime) {
      return Optional.empty();
    }
  }

  /** Whether a click at the middle of the element would reach it: no other element covers or clips that point. */
  private boolean clickLandsOn(WebElement element) {
    return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
        "const box = arguments[0].getBoundingClientRect();"
            + "const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);"
            + "return hit !== null && arguments[0].contains(hit);", element));
  }

  private void blur(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].blur();", element);
  }

  /**
   * Waits until the element can be clicked and scrolls it to the middle of the view, clear of Tasklist's fixed
   * header and footer (a click at the window's edge lands on the footer instead).
   */
  private WebElement clickable(By by) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    return element;
  }

  /** Waits until form-js shows a validation message under the field, and returns it. */
  public String awaitError(String componentId) {
    By message = By.cssSelector(scope + " [id$='-" + componentId + "-error-message']");
    return wait.withMessage(() -> componentId + " should show a validation message; form errors: " + errors())
        .until(d -> d.findElements(message).stream()
            .filter(WebElement::isDisplayed)
            .map(error -> error.getText().trim())
            .filter(text -> !text.isEmpty())
            .findFirst()
            .orElse(null));
  }

  /** Opens the calendar (flatpickr) of a datetime component's date input and returns it. */
  public WebElement openCalendar(String componentId) {
    clickable(input(componentId + "-date")).click();
    By calendar = By.cssSelector(scope + " .flatpickr-calendar.open");
    return wait.withMessage(() -> "the calendar of " + componentId + " should open")
        .until(ExpectedConditions.visibilityOfElementLocated(calendar));
  }

  /** Validation messages form-js shows, as {@code label => message}. */
  public List<String> errors() {
    return driver.findElements(By.cssSelector(scope + " .fjs-form-field-error")).stream()
        .filter(WebElement::isDisplayed)
        .map(error -> error.getText().trim())
        .filter(text -> !text.isEmpty())
        .collect(Collectors.toList());
  }
}
