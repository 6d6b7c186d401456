package org.scalingcoach.teams;

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
import java.nio.file.Files;
import java.nio.file.Path;
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
  private static final List<String> SCOPES = List.of("personal", "team", "groupChat");

  /** What the manifest says about the app and who publishes it. */
  public record Details(
      String appId,
      String version,
      String shortName,
      String developerName,
      String websiteUrl,
      String privacyUrl,
      String termsUrl) {

    public Details {
      if (appId == null || !GUID.matcher(appId).matches()) {
        throw new IllegalArgumentException(
            "the app id must be the Azure Bot's Microsoft App ID, a GUID like"
                + " 6a7c2e48-0d21-4c5f-9b8e-3f1d2a9c7e10, not '"
                + appId
                + "'");
      }
      for (String url : List.of(websiteUrl, privacyUrl, termsUrl)) {
        if (!url.startsWith("https://")) {
          throw new IllegalArgumentException(
              "Teams requires https URLs in the manifest, not " + url);
        }
      }
      if (shortName.isBlank() || shortName.length() > 30) {
        throw new IllegalArgumentException("the app name must be 1 to 30 characters");
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
    ObjectNode commandList = bot.putArray("commandLists").addObject();
    SCOPES.forEach(commandList.putArray("scopes")::add);
    ArrayNode commands = commandList.putArray("commands");
    commands.addObject().put("title", "help").put("description", "What the coach can do");
    commands.addObject().put("title", "audit").put("description", "Start a guided maturity audit");
    ArrayNode permissions = m.putArray("permissions");
    permissions.add("identity");
    permissions.add("messageTeamMembers");
    m.putArray("validDomains");
    return m;
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
