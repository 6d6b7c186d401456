package org.scalingcoach.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalingcoach.install.TeamsAppPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code teams-package}: writes the Teams app package an admin uploads to install the coach. */
@Command(
    name = "teams-package",
    mixinStandardHelpOptions = true,
    description = {
      "Write the Microsoft Teams app package (manifest.json and icons in a zip).",
      "Upload it in Teams under Apps > Manage your apps > Upload an app."
    })
public final class TeamsPackageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--app-id",
      required = true,
      description = "The Azure Bot's Microsoft App ID (the same as TEAMS_APP_ID).")
  String appId;

  @Option(
      names = "--out",
      defaultValue = "coach-teams.zip",
      description = "Where to write the zip (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--name",
      defaultValue = "Scaling Coach",
      description = "The app's name in Teams, up to 30 characters (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--app-version",
      defaultValue = "1.0.0",
      description =
          "The package version; raise it to update an installed app (default: ${DEFAULT-VALUE}).")
  String version;

  @Option(
      names = "--developer",
      defaultValue = "Scaling Coach",
      description = "Who publishes the app, shown in its details (default: ${DEFAULT-VALUE}).")
  String developer;

  @Option(
      names = "--website-url",
      defaultValue = "https://example.com",
      description = "Your company's https page about the coach (default: ${DEFAULT-VALUE}).")
  String websiteUrl;

  @Option(
      names = "--privacy-url",
      description = "Your privacy statement (default: the website URL).")
  String privacyUrl;

  @Option(names = "--terms-url", description = "Your terms of use (default: the website URL).")
  String termsUrl;

  @Option(
      names = "--graph-read",
      description =
          "Ask for the consent to read the coach's own messages in channels and group chats"
              + " through Microsoft Graph, so a reply a crash interrupted is not sent twice (set"
              + " TEAMS_GRAPH_READ=true on the server too).")
  boolean graphRead;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      TeamsAppPackage.Details details =
          new TeamsAppPackage.Details(
              appId.strip(),
              version,
              name,
              developer,
              websiteUrl,
              privacyUrl == null ? websiteUrl : privacyUrl,
              termsUrl == null ? websiteUrl : termsUrl,
              graphRead);
      TeamsAppPackage.write(details, out);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    } catch (IOException e) {
      err.println("error: cannot write " + out + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("Wrote " + out.toAbsolutePath());
    stdout.println("Upload it in Teams: Apps > Manage your apps > Upload an app.");
    stdout.flush();
    return 0;
  }
}
