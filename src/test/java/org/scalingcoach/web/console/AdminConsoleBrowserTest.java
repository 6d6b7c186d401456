package org.scalingcoach.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditFixture;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.console.ShippedKnowledge;
import org.scalingcoach.slack.FakeSlack;
import org.scalingcoach.slack.SlackRequests;
import org.scalingcoach.store.QuestionLog;
import org.scalingcoach.store.SqliteConsoleStore;
import org.scalingcoach.store.SqliteRoleStore;
import org.scalingcoach.web.CoachServer;

/**
 * The admin console in a real browser: headless Chromium against the real server on port 0, signed
 * in through the link that {@code /coach admin console} gives in the local fake Slack. The steps
 * build on each other, like an admin's session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleBrowserTest {
  private static final String ADMIN = "UCONSOLEADMIN";
  private static final String EMPLOYEE = "UEMPLOYEE";
  private static final String DOC = "model-drift-and-retraining.md";
  private static final Pattern LINK =
      Pattern.compile("<(http[^|>]+/admin/signin\\?token=[^|>]+)\\|");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String team = "TCONSOLE" + ProcessHandle.current().pid();
  private Path knowledge;
  private FakeSlack fake;
  private CoachCore core;
  private CoachServer server;
  private SlackRequests slack;
  private HeadlessChromium browser;
  private ChromeDriver driver;
  private String original;

  @BeforeAll
  void start() throws Exception {
    browser = HeadlessChromium.start();
    driver = browser.driver();
    knowledge = ShippedKnowledge.copy();
    original = Files.readString(knowledge.resolve(DOC));
    fake = FakeSlack.start();
    CoachConfig config =
        CoachConfig.fromEnvironment(
            Map.of(
                "COACH_DATA_DIR",
                // The shared test database already holds every shipped section's embedding.
                TestCore.database().file().getParent().toString(),
                "COACH_KNOWLEDGE_DIR",
                knowledge.toString(),
                "PORT",
                "0",
                "COACH_ADMINS",
                ADMIN,
                "SLACK_BOT_TOKEN",
                "xoxb-1-test-token",
                "SLACK_SIGNING_SECRET",
                SlackRequests.SIGNING_SECRET,
                "SLACK_API_URL",
                fake.apiUrl()));
    core = CoachWiring.core(config, TestCore.database());
    server = CoachServer.start(config, core, TestCore.database());
    slack = new SlackRequests(server.port());
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  @Order(1)
  void should_sign_an_admin_in_through_the_link_from_slack() {
    String link = linkFor(ADMIN);

    driver.get(link);
    assertThat(driver.getTitle()).contains("Sign in");
    driver.findElement(By.id("sign-in")).click();
    // The click returns once the form is submitted; the redirect may still be on its way.
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlMatches(".*/admin/$"));

    assertThat(driver.getCurrentUrl()).endsWith("/admin/");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Knowledge");
    assertThat(driver.findElement(By.tagName("table")).getText()).contains(DOC).contains("Valid");
    assertThat(browser.cookieAttributes(ConsoleServlet.COOKIE))
        .containsEntry("httpOnly", "true")
        .containsEntry("sameSite", "Strict");
    browser.screenshot("knowledge");
  }

  @Test
  @Order(2)
  void should_show_a_broken_link_at_its_line_as_the_admin_types_and_save_once_fixed() {
    driver.get(base() + "/admin/knowledge/edit?doc=" + DOC);
    WebElement editor = driver.findElement(By.id("content"));
    String section =
        "\n\n## Releasing a retrained model to a canary group\n\n"
            + "Send a retrained model to a small canary group of users first and compare its"
            + " error rate with the current model before everyone gets it."
            + " See [the release checklist](no-such-guide.md).\n";
    editor.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "End"));
    editor.sendKeys(section);
    List<String> typed = editor.getAttribute("value").lines().toList();
    int linkLine =
        1
            + typed.indexOf(
                typed.stream().filter(l -> l.contains("no-such-guide")).findFirst().get());

    WebElement problem =
        await()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#problems li[data-line]")));
    assertThat(problem.getText())
        .contains("Line " + linkLine)
        .contains("broken cross-link: no document with id 'no-such-guide'");
    browser.screenshot("editor-problem");

    String fixed = driver.findElement(By.id("content")).getAttribute("value");
    setText(
        driver.findElement(By.id("content")),
        fixed.replace(" See [the release checklist](no-such-guide.md).", ""));
    await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("problems"), "No problems"));
    driver.findElement(By.id("save")).click();

    assertThat(notice()).contains("Saved as revision").contains("Reloaded");
  }

  @Test
  @Order(3)
  void should_quote_the_saved_text_when_the_question_is_tried() throws Exception {
    driver.get(
        base()
            + "/admin/try?q="
            + java.net.URLEncoder.encode(
                "Should a retrained model go to a canary group of users first?",
                StandardCharsets.UTF_8));

    String trial = driver.findElement(By.id("trial")).getText();
    assertThat(trial).contains("In Slack").contains("In Teams").contains("canary group");
    assertThat(trial).contains("Scope decision").contains("In scope");
    assertThat(driver.findElement(By.cssSelector(".sentences")).getText())
        .contains("canary group")
        .contains("model-drift-and-retraining#releasing-a-retrained-model-to-a-canary-group");
    assertThat(driver.findElement(By.cssSelector("#trial table")).getText())
        .contains("Lexical")
        .contains("Semantic")
        .contains("Fused");
    browser.screenshot("try");
  }

  @Test
  @Order(4)
  void should_revert_to_the_version_on_disk_and_log_every_change() throws IOException {
    driver.get(base() + "/admin/knowledge/history?doc=" + DOC);
    List<WebElement> reverts = driver.findElements(By.cssSelector("button[id^=revert-]"));
    assertThat(reverts).hasSize(2);
    browser.screenshot("history");
    driver
        .findElement(
            By.linkText("Diff of revision " + reverts.get(0).getAttribute("id").substring(7)))
        .click();
    assertThat(driver.findElement(By.cssSelector("table.diff")).getText())
        .contains("+ ## Releasing a retrained model to a canary group");
    browser.screenshot("diff");
    driver.navigate().back();

    driver.findElements(By.cssSelector("button[id^=revert-]")).get(1).click();

    assertThat(notice()).contains("Reverted");
    assertThat(Files.readString(knowledge.resolve(DOC))).isEqualTo(original);
    driver.get(base() + "/admin/log");
    String log = driver.findElement(By.cssSelector("table.log")).getText();
    assertThat(log).contains("knowledge.revert").contains("knowledge.save").contains(DOC);
    assertThat(log).contains(ADMIN);
    browser.screenshot("log");
  }

  @Test
  @Order(5)
  void should_start_a_section_from_an_unanswered_question_in_the_insights() {
    new QuestionLog(TestCore.database())
        .record(
            team,
            EMPLOYEE,
            "slack",
            ExtractiveAnswerEngine.outOfScope("How do we retrain a model on shadow traffic?"));

    driver.get(base() + "/admin/insights?days=7");
    assertThat(driver.findElement(By.tagName("table")).getText())
        .contains("Not answered")
        .contains("How do we retrain a model on shadow traffic?");
    browser.screenshot("insights");
    driver.findElement(By.partialLinkText("Start a section in")).click();

    assertThat(driver.findElement(By.id("content")).getAttribute("value"))
        .endsWith(
            "## How do we retrain a model on shadow traffic?\n\nWrite the answer people asking this should get.\n");
  }

  @Test
  @Order(6)
  void should_show_the_team_view_and_a_subjects_history_with_its_chart() {
    AuditFixture audits = new AuditFixture(TestCore.database(), AuditFixture.catalog());
    Actor owner = new Actor(team, "UOWNER");
    audits.finishWith(owner, "plan-for-mlops", "Churn model", 0);
    audits.clock.advance(Duration.ofDays(30));
    audits.finishWith(owner, "plan-for-mlops", "Churn model", 3);

    driver.get(base() + "/admin/audits");
    assertThat(driver.findElement(By.tagName("table")).getText())
        .contains("Churn model")
        .contains("improved");
    browser.screenshot("audits");
    driver.findElement(By.linkText("Churn model")).click();

    assertThat(driver.findElements(By.cssSelector("main table tbody tr"))).hasSize(2);
    Object chartWidth =
        driver.executeScript("return document.querySelector('main img').naturalWidth;");
    assertThat(((Number) chartWidth).intValue()).isEqualTo(720);
    browser.screenshot("audit-subject");
  }

  @Test
  @Order(7)
  void should_show_insights_audits_and_roles_and_pass_the_accessibility_check() {
    driver.get(base() + "/admin/roles");
    driver.findElement(By.id("user")).sendKeys("UNEWMANAGER");
    driver.findElement(By.cssSelector("form.inline button.primary")).click();
    assertThat(notice()).contains("Granted manager to UNEWMANAGER");
    browser.screenshot("roles");

    for (String page :
        List.of(
            "knowledge",
            "knowledge/edit?doc=" + DOC,
            "try?q=drift",
            "insights",
            "audits",
            "roles",
            "log")) {
      driver.get(base() + "/admin/" + page);
      if (page.equals("roles") || page.equals("log")) {
        browser.screenshot(page);
      }
      if (HeadlessChromium.axeInstalled()) {
        assertThat(browser.accessibilityViolations()).as("axe-core on /admin/" + page).isEmpty();
      }
    }
    if (!HeadlessChromium.axeInstalled()) {
      System.err.println(
          "Accessibility check skipped: axe-core is not installed; `npm install --prefix"
              + " target/axe axe-core@4.11.0` (.ci/run does this).");
    }
    driver.get(base() + "/admin/log");
    assertThat(driver.findElement(By.cssSelector("table.log")).getText())
        .contains("role.grant")
        .contains("UNEWMANAGER");
  }

  @Test
  @Order(8)
  void should_refuse_a_post_without_the_csrf_token() throws Exception {
    String session = browser.cookie(ConsoleServlet.COOKIE);

    HttpResponse<String> response =
        post("/admin/roles/grant", "user=UATTACKER&role=admin", session);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("security token");
    assertThat(
            new SqliteRoleStore(TestCore.database(), java.util.Set.of())
                .has(new Actor(team, "UATTACKER"), SqliteRoleStore.Role.ADMIN))
        .isFalse();
  }

  @Test
  @Order(9)
  void should_refuse_non_admins_and_expired_or_reused_links() throws Exception {
    assertThat(ackText(command(EMPLOYEE, "admin console")))
        .contains("Only admins can open the admin console");

    String used = linkFor(ADMIN);
    HttpResponse<String> first = post(tokenPath(used), "token=" + token(used), null);
    assertThat(first.statusCode()).isEqualTo(303);
    HttpResponse<String> again = post(tokenPath(used), "token=" + token(used), null);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("already used");

    String expired = "expired-token-for-the-browser-test";
    new SqliteConsoleStore(TestCore.database())
        .addLink(
            sha256(expired),
            new Actor(team, ADMIN),
            "slack",
            Instant.now().minus(Duration.ofMinutes(11)),
            Instant.now().minus(Duration.ofMinutes(1)));
    driver.manage().deleteAllCookies();
    driver.get(base() + "/admin/signin?token=" + expired);
    driver.findElement(By.id("sign-in")).click();
    // The click returns before the page the form leads to has loaded: wait for it.
    await()
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "has expired"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("has expired");
    browser.screenshot("expired-link");

    SqliteRoleStore roles = new SqliteRoleStore(TestCore.database(), java.util.Set.of());
    Actor former = new Actor(team, "UFORMERADMIN");
    roles.grant(former, SqliteRoleStore.Role.ADMIN, ADMIN, Instant.now());
    String link = linkFor(former.userId());
    HttpResponse<String> signedIn = post(tokenPath(link), "token=" + token(link), null);
    String cookie =
        signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0].split("=", 2)[1];
    assertThat(get("/admin/knowledge", cookie).statusCode()).isEqualTo(200);
    roles.revoke(former, SqliteRoleStore.Role.ADMIN);
    HttpResponse<String> refused = get("/admin/knowledge", cookie);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("not an admin");
    assertThat(get("/admin/knowledge", null).statusCode()).isEqualTo(401);
  }

  /** The notice at the top of the page a form led to, once that page has loaded. */
  private String notice() {
    return await()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")))
        .getText();
  }

  private WebDriverWait await() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /** Replaces a textarea's text the way typing would, so htmx sees an input event. */
  private void setText(WebElement element, String text) {
    driver.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        element,
        text);
  }

  private String base() {
    return "http://localhost:" + server.port();
  }

  private HttpResponse<String> command(String user, String text) {
    return slack.form(
        SlackRequests.slashCommand(team, "C0CONSOLE", user, text, fake.responseUrl("console")));
  }

  private String linkFor(String user) {
    String body = ackText(command(user, "admin console"));
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).as("a sign-in link in %s", body).isTrue();
    return link.group(1);
  }

  private static String ackText(HttpResponse<String> ack) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(ack.body())
          .path("text")
          .asText();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String token(String link) {
    return link.substring(link.indexOf("token=") + 6);
  }

  private static String tokenPath(String link) {
    return URI.create(link).getPath();
  }

  private HttpResponse<String> post(String path, String form, String session) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (session != null) {
      request.header("Cookie", ConsoleServlet.COOKIE + "=" + session);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String session) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (session != null) {
      request.header("Cookie", ConsoleServlet.COOKIE + "=" + session);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
