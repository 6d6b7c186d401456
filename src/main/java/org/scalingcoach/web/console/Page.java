package org.scalingcoach.web.console;

import org.scalingcoach.console.ConsoleSession;

/**
 * What every console page's layout needs: its title, which menu entry it is, who is signed in, the
 * session's CSRF token for its forms, and a notice to show at the top (or null).
 */
public record Page(
    String title, String section, String user, String workspace, String csrf, String notice) {

  static Page of(ConsoleSession session, String title, String section) {
    return new Page(
        title,
        section,
        session.actor().userId(),
        session.actor().teamId(),
        session.csrfToken(),
        null);
  }

  /** A page for someone not signed in: no menu, no forms that change anything. */
  static Page public_(String title) {
    return new Page(title, "", null, null, null, null);
  }

  Page withNotice(String text) {
    return new Page(title, section, user, workspace, csrf, text);
  }

  public boolean signedIn() {
    return user != null;
  }
}
