package org.scalingcoach.web.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven headless through chromium-driver, started so it never reaches the
 * network, with screenshots under {@code target/console-screenshots} and axe-core accessibility
 * checks when axe-core is installed.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path AXE =
      Path.of(
          System.getenv()
              .getOrDefault("AXE_CORE_JS", "target/axe/node_modules/axe-core/axe.min.js"));

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts the browser, or skips the test with the reason when Chromium is not installed. */
  static HeadlessChromium start() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Browser tests skipped: Chromium is not installed. Install it with `apt-get install -y"
            + " chromium chromium-driver` (.ci/run does this).");
    Path profile = org.scalingcoach.TestCore.tempDir("console-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .build();
    return new HeadlessChromium(new ChromeDriver(service, options), profile);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Saves what the browser shows as {@code target/console-screenshots/NAME.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      // The full page, not just the window: widen the window to the document's height first.
      Number height =
          (Number) driver.executeScript("return document.documentElement.scrollHeight;");
      driver
          .manage()
          .window()
          .setSize(new org.openqa.selenium.Dimension(1280, Math.min(4000, height.intValue() + 40)));
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean axeInstalled() {
    return Files.isRegularFile(AXE);
  }

  /** The WCAG 2 A and AA violations axe-core finds on the current page, as "rule: target" lines. */
  @SuppressWarnings("unchecked")
  List<String> accessibilityViolations() {
    try {
      driver.executeScript(Files.readString(AXE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', '))));");
    return (List<String>) result;
  }

  /** The value of a cookie the browser holds for the console. */
  String cookie(String name) {
    var cookie = driver.manage().getCookieNamed(name);
    return cookie == null ? null : cookie.getValue();
  }

  Map<String, String> cookieAttributes(String name) {
    var cookie = driver.manage().getCookieNamed(name);
    return Map.of(
        "httpOnly", String.valueOf(cookie.isHttpOnly()),
        "sameSite", String.valueOf(cookie.getSameSite()),
        "secure", String.valueOf(cookie.isSecure()));
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile does no harm
    }
  }
}
