package org.scalingcoach.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * The Teams app package an admin uploads to install the coach: {@code manifest.json} (schema 1.17)
 * with a 192×192 colour icon and a 32×32 white outline icon, drawn here so the package always
 * matches the app id it is built for.
 */
public final class TeamsAppPackage {
  static final String MANIFEST_VERSION = "1.17";
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Color ACCENT = new Color(0x2E6BE6);
  // Teams' own rule for "version": three numbers, no leading zeros.
  private static final Pattern VERSION =
      Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");
  private static final List<String> SCOPES = List.of("personal", "team", "groupChat");
  private static final List<String> SHARED_SCOPES = List.of("team", "groupChat");

  /**
   * The commands Teams suggests, per scope. Audits and insights run only in a personal chat ({@link
   * org.scalingcoach.conversation.ConversationPolicy}), so team and group chats are offered only
   * what works there.
   */
  private static final List<Command> PERSONAL_COMMANDS =
      List.of(
          new Command("help", "What the coach can do"),
          new Command("audit", "Start or resume a guided maturity audit"),
          new Command("audit team", "The latest audit level per subject, with its trend"),
          new Command("audit export", "Your latest finished audit as Markdown and CSV"),
          new Command("admin insights", "Admins: unanswered questions and down-voted answers"),
          new Command("admin reload", "Admins: reload the knowledge base and audits"));

  private static final List<Command> SHARED_COMMANDS =
      List.of(
          new Command("help", "What the coach can do"),
          new Command("admin reload", "Admins: reload the knowledge base and audits"));

  /**
   * The resource-specific permissions that let the coach read back, through Microsoft Graph, the
   * messages it posted in a team's channels and in group chats (consented by the team owner or chat
   * member when the app is added). They also make Teams send the bot every message there, which the
   * coach then ignores unless it is mentioned.
   */
  static final List<String> READ_BACK_PERMISSIONS =
      List.of("ChannelMessage.Read.Group", "ChatMessage.Read.Chat");

  /** A command Teams offers in its command menu. */
  private record Command(String title, String description) {}

  /**
   * What the manifest says about the app and who publishes it; {@code readBack} asks for the
   * permissions to read the coach's own messages back through Graph ({@code --graph-read}, the
   * server's {@code TEAMS_GRAPH_READ}).
   */
  public record Details(
      String appId,
      String version,
      String shortName,
      String developerName,
      String websiteUrl,
      String privacyUrl,
      String termsUrl,
      boolean readBack) {

    /** The details of an app without Graph reading. */
    public Details(
        String appId,
        String version,
        String shortName,
        String developerName,
        String websiteUrl,
        String privacyUrl,
        String termsUrl) {
      this(appId, version, shortName, developerName, websiteUrl, privacyUrl, termsUrl, false);
    }

    /** Checks what Teams checks when the package is uploaded, every problem at once. */
    public Details {
      List<String> problems = new ArrayList<>();
      if (appId == null || !GUID.matcher(appId).matches()) {
        problems.add(
            "the app id must be the Azure Bot's Microsoft App ID, a GUID like"
                + " 6a7c2e48-0d21-4c5f-9b8e-3f1d2a9c7e10, not '"
                + appId
                + "'");
      }
      if (version == null || !VERSION.matcher(version).matches()) {
        problems.add(
            "the app version must be three numbers such as 1.0.0 (major.minor.patch), not '"
                + version
                + "'");
      }
      if (shortName == null || shortName.isBlank() || shortName.strip().length() > 30) {
        problems.add("the app name must be 1 to 30 characters");
      }
      if (developerName == null || developerName.isBlank() || developerName.strip().length() > 32) {
        problems.add("the developer name must be 1 to 32 characters");
      }
      for (String url : Arrays.asList(websiteUrl, privacyUrl, termsUrl)) {
        if (!isHttpsUrl(url)) {
          problems.add("Teams requires https URLs with a host in the manifest, not " + url);
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      shortName = shortName.strip();
      developerName = developerName.strip();
    }

    private static boolean isHttpsUrl(String url) {
      if (url == null || url.length() > 2048) {
        return false;
      }
      try {
        URI uri = new URI(url);
        return "https".equals(uri.getScheme()) && uri.getHost() != null;
      } catch (URISyntaxException e) {
        return false;
      }
    }
  }

  private TeamsAppPackage() {}

  /** Writes the zip Teams accepts under "Upload a custom app". */
  public static void write(Details details, Path zip) throws IOException {
    Path parent = zip.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      entry(out, "manifest.json", manifestJson(details));
      entry(out, "color.png", png(colorIcon()));
      entry(out, "outline.png", png(outlineIcon()));
    }
  }

  static byte[] manifestJson(Details details) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    return json.writeValueAsBytes(manifest(json, details));
  }

  private static ObjectNode manifest(ObjectMapper json, Details d) {
    ObjectNode m = json.createObjectNode();
    m.put(
        "$schema",
        "https://developer.microsoft.com/en-us/json-schemas/teams/v"
            + MANIFEST_VERSION
            + "/MicrosoftTeams.schema.json");
    m.put("manifestVersion", MANIFEST_VERSION);
    m.put("version", d.version());
    m.put("id", d.appId());
    ObjectNode developer = m.putObject("developer");
    developer.put("name", d.developerName());
    developer.put("websiteUrl", d.websiteUrl());
    developer.put("privacyUrl", d.privacyUrl());
    developer.put("termsOfUseUrl", d.termsUrl());
    m.putObject("name").put("short", d.shortName()).put("full", d.shortName() + ": scale AI well");
    m.putObject("description")
        .put("short", "Answers and audits for scaling AI in your company")
        .put(
            "full",
            "Ask about data governance, model retraining (MLOps), change management and"
                + " infrastructure cost, and get short answers with their sources. Managers run"
                + " guided maturity audits with buttons and get a scored report with next actions.");
    m.putObject("icons").put("color", "color.png").put("outline", "outline.png");
    m.put("accentColor", String.format("#%06X", ACCENT.getRGB() & 0xFFFFFF));
    ObjectNode bot = m.putArray("bots").addObject();
    bot.put("botId", d.appId());
    SCOPES.forEach(bot.putArray("scopes")::add);
    bot.put("supportsFiles", false);
    bot.put("isNotificationOnly", false);
    ArrayNode commandLists = bot.putArray("commandLists");
    commandList(commandLists, List.of("personal"), PERSONAL_COMMANDS);
    commandList(commandLists, SHARED_SCOPES, SHARED_COMMANDS);
    ArrayNode permissions = m.putArray("permissions");
    permissions.add("identity");
    permissions.add("messageTeamMembers");
    m.putArray("validDomains");
    if (d.readBack()) {
      // The bot's own Entra app reads Graph; "resource" has no use in RSC but must be present.
      m.putObject("webApplicationInfo")
          .put("id", d.appId())
          .put("resource", "https://graph.microsoft.com");
      ArrayNode rsc =
          m.putObject("authorization").putObject("permissions").putArray("resourceSpecific");
      READ_BACK_PERMISSIONS.forEach(
          name -> rsc.addObject().put("name", name).put("type", "Application"));
    }
    return m;
  }

  private static void commandList(
      ArrayNode commandLists, List<String> scopes, List<Command> commands) {
    ObjectNode list = commandLists.addObject();
    scopes.forEach(list.putArray("scopes")::add);
    ArrayNode entries = list.putArray("commands");
    for (Command command : commands) {
      entries.addObject().put("title", command.title()).put("description", command.description());
    }
  }

  /** A rising chart line on the accent colour, the whole 192×192 tile. */
  static BufferedImage colorIcon() {
    BufferedImage image = new BufferedImage(192, 192, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = graphics(image);
    g.setColor(ACCENT);
    g.fill(new RoundRectangle2D.Double(0, 0, 192, 192, 36, 36));
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(growth(192));
    g.dispose();
    return image;
  }

  /** The same line in white on transparency, as Teams requires for the 32×32 outline. */
  static BufferedImage outlineIcon() {
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = graphics(image);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(growth(32));
    g.dispose();
    return image;
  }

  private static Path2D growth(double size) {
    double u = size / 32.0;
    Path2D line = new Path2D.Double();
    line.moveTo(5 * u, 24 * u);
    line.lineTo(12 * u, 16 * u);
    line.lineTo(18 * u, 20 * u);
    line.lineTo(27 * u, 8 * u);
    line.moveTo(20 * u, 8 * u);
    line.lineTo(27 * u, 8 * u);
    line.lineTo(27 * u, 15 * u);
    return line;
  }

  private static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    return g;
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content);
    out.closeEntry();
  }
}
