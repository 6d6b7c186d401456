package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.scalingcoach.install.SlackManifest;
import org.yaml.snakeyaml.Yaml;

class SlackScopesTest {
  private static final Path MAIN_SOURCES = Path.of("src/main/java");

  /** Slack's method names ({@code chat.postMessage}) by their Java spelling, lower case. */
  private static Map<String, String> slackMethodsByJavaName() throws IllegalAccessException {
    Map<String, String> names = new HashMap<>();
    for (Field field : Methods.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String slackName = (String) field.get(null);
        names.put(slackName.replace(".", "").toLowerCase(Locale.ROOT), slackName);
      }
    }
    return names;
  }

  /**
   * Every Web API method the main code calls: a {@link MethodsClient} method invoked by name
   * ({@code client.chatPostMessage(...)}), or a Slack method name written as a string literal
   * ({@code "chat.startStream"}, as generic calls and {@link SlackWebApi#call} take them).
   */
  private static TreeSet<String> methodsCalledInMainCode() throws Exception {
    Map<String, String> byJavaName = slackMethodsByJavaName();
    TreeSet<String> clientMethods = new TreeSet<>();
    for (Method method : MethodsClient.class.getMethods()) {
      clientMethods.add(method.getName());
    }
    Pattern invocation = Pattern.compile("\\.([a-z][A-Za-z0-9]*)\\s*\\(");
    Pattern literal = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z]+)+)\"");
    TreeSet<String> called = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = read(file);
        Matcher m = invocation.matcher(source);
        while (m.find()) {
          String slackName = byJavaName.get(m.group(1).toLowerCase(Locale.ROOT));
          if (slackName != null && clientMethods.contains(m.group(1))) {
            called.add(slackName);
          }
        }
        Matcher l = literal.matcher(source);
        while (l.find()) {
          if (byJavaName.containsValue(l.group(1))) {
            called.add(l.group(1));
          }
        }
      }
    }
    return called;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> manifestScopes() {
    Map<String, Object> manifest = new Yaml().load(SlackManifest.forSocketMode());
    Map<String, Object> oauth = (Map<String, Object>) manifest.get("oauth_config");
    return (List<String>) ((Map<String, Object>) oauth.get("scopes")).get("bot");
  }

  @Test
  void should_list_every_web_api_method_the_code_calls() throws Exception {
    TreeSet<String> called = methodsCalledInMainCode();

    assertThat(called).contains("chat.postMessage", "files.completeUploadExternal");
    assertThat(SlackScopes.METHODS.keySet())
        .as("methods called in src/main/java that SlackScopes does not list with their scopes")
        .containsAll(called);
  }

  @Test
  void should_ask_the_workspace_for_the_scope_of_every_listed_method_and_event() {
    List<String> granted = manifestScopes();

    SlackScopes.METHODS.forEach(
        (method, scopes) -> assertThat(granted).as("scopes of " + method).containsAll(scopes));
    SlackScopes.EVENTS.forEach(
        (event, scopes) -> assertThat(granted).as("scopes of " + event).containsAll(scopes));
    assertThat(granted).contains("files:write", "commands").doesNotHaveDuplicates();
  }

  @Test
  void should_refuse_to_call_a_method_that_is_not_listed() {
    SlackWebApi api = new SlackWebApi(Slack.getInstance(), "xoxb-test", duration -> {});

    assertThatThrownBy(() -> api.call("users.info", client -> client.usersInfo(r -> r.user("U1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users.info")
        .hasMessageContaining("SlackScopes");
  }
}
