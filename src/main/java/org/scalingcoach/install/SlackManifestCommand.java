package org.scalingcoach.install;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slack-manifest}: prints the Slack app manifest to paste at api.slack.com. */
@Command(
    name = "slack-manifest",
    mixinStandardHelpOptions = true,
    description = {
      "Print the Slack app manifest (YAML) to paste at https://api.slack.com/apps.",
      "Use --url for HTTP events, or --socket-mode to connect without a public URL."
    })
public final class SlackManifestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Target target;

  static final class Target {
    @Option(
        names = "--url",
        paramLabel = "https://HOST",
        description =
            "The public base URL of this server, without a path; requests go to"
                + " URL/slack/events.")
    String url;

    @Option(names = "--socket-mode", description = "Socket Mode: no request URLs.")
    boolean socketMode;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (target.socketMode) {
      out.print(SlackManifest.forSocketMode());
      out.flush();
      return 0;
    }
    String problem = baseUrlProblem(target.url.strip());
    if (problem != null) {
      err.println("error: --url " + problem + "; got " + target.url);
      err.flush();
      return 2;
    }
    out.print(SlackManifest.forHttp(target.url.strip()));
    out.flush();
    return 0;
  }

  /** Why {@code url} is not a public https base address, or null when it is one. */
  static String baseUrlProblem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      return "must be the public https address of this server, such as https://coach.example.com"
          + " (Slack only calls https URLs)";
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      return "must be a plain base address such as https://coach.example.com, without a query,"
          + " fragment or user name";
    }
    String path = uri.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      return "must be the base address without a path, such as https://coach.example.com: the"
          + " coach adds /slack/events itself";
    }
    return null;
  }
}
