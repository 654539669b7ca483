package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through Selenium, both from Debian's packages ({@code chromium}, {@code
 * chromium-driver}) at fixed paths: given both, Selenium runs no Selenium Manager and downloads
 * nothing. A machine without them fails the test and says what to install; it is never skipped.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration PATIENCE = Duration.ofSeconds(15);

  final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  static Browser start() {
    for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
      assertThat(Files.isExecutable(program))
          .as(
              "%s is missing: the browser tests need Debian's chromium and chromium-driver"
                  + " packages (apt-get install -y chromium chromium-driver)",
              program)
          .isTrue();
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1300",
        "--lang=en-US");
    return new Browser(new ChromeDriver(service, options));
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Waits until the element's text is {@code expected}. */
  void awaitText(String css, String expected) {
    new WebDriverWait(driver, PATIENCE)
        .withMessage(() -> css + " to read '" + expected + "', it reads '" + text(css) + "'")
        .until(d -> expected.equals(text(css)));
  }

  /** Waits until the element's text passes {@code check}. */
  void awaitText(String css, java.util.function.Predicate<String> check, String what) {
    new WebDriverWait(driver, PATIENCE)
        .withMessage(() -> css + " to " + what + ", it reads '" + text(css) + "'")
        .until(d -> check.test(text(css)));
  }

  void awaitVisible(String css) {
    new WebDriverWait(driver, PATIENCE)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  String text(String css) {
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    return found.isEmpty() ? "" : found.get(0).getText().strip();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
