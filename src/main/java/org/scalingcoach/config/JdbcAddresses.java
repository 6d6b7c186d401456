package org.scalingcoach.config;

import java.util.regex.Pattern;

/** Database addresses and driver errors as they may be shown: with any password taken out. */
public final class JdbcAddresses {
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)([?&;](?:password|sslpassword|sslkey)=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*):[^/@]*@");

  private JdbcAddresses() {}

  /** {@code url} with the values of password parameters and any {@code user:password@} masked. */
  public static String withoutSecrets(String url) {
    String masked = SECRET_PARAMETER.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(masked).replaceAll("$1:***@");
  }

  /** The innermost message of {@code failure}: what the driver said went wrong. */
  public static String reason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return withoutSecrets(message.lines().findFirst().orElse(message).strip());
  }
}
