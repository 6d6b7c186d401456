package org.scalingcoach.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.admin.AdminException;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.MutableClock;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.DatabaseKind;
import org.scalingcoach.store.SqliteConsoleStore;
import org.scalingcoach.store.TestDatabases;

/** Sign-in links and sessions over a real SQLite file, on a clock the test moves. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class ConsoleSignInTest {
  @Parameter DatabaseKind kind;
  private static final Actor ADMIN = new Actor("T1", "UADMIN");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  private final Set<Actor> admins = new HashSet<>(Set.of(ADMIN));
  private Database database;
  private ConsoleSignIn signIn;

  @BeforeEach
  void open() throws Exception {
    database = TestDatabases.open(kind, "console-signin-");
    signIn =
        new ConsoleSignIn(
            new SqliteConsoleStore(database),
            admins::contains,
            () -> URI.create("https://coach.example.com/"),
            clock);
  }

  private static String token(SignInLink link) {
    return link.url().getQuery().substring("token=".length());
  }

  @Test
  void should_give_an_admin_a_link_under_the_public_url_valid_for_ten_minutes() {
    SignInLink link = signIn.link(ADMIN, "slack");

    assertThat(link.url().toString()).startsWith("https://coach.example.com/admin/signin?token=");
    assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
  }

  @Test
  void should_refuse_a_link_to_someone_who_is_not_an_admin() {
    assertThatThrownBy(() -> signIn.link(new Actor("T1", "UEMPLOYEE"), "slack"))
        .isInstanceOf(AdminException.class)
        .hasMessageContaining("roles grant UEMPLOYEE admin --team T1");
  }

  @Test
  void should_open_an_eight_hour_session_once_per_link() {
    SignInLink link = signIn.link(ADMIN, "teams");

    ConsoleSession session = signIn.signIn(token(link));

    assertThat(session.actor()).isEqualTo(ADMIN);
    assertThat(session.platform()).isEqualTo("teams");
    assertThat(signIn.access(session.token())).isInstanceOf(ConsoleSignIn.Access.Admin.class);
    assertThatThrownBy(() -> signIn.signIn(token(link)))
        .isInstanceOfSatisfying(
            SignInRefused.class, e -> assertThat(e.reason()).isEqualTo(SignInRefused.Reason.USED));
    clock.advance(Duration.ofHours(8));
    assertThat(signIn.access(session.token())).isInstanceOf(ConsoleSignIn.Access.SignedOut.class);
  }

  @Test
  void should_refuse_a_link_opened_after_ten_minutes() {
    SignInLink link = signIn.link(ADMIN, "slack");
    clock.advance(Duration.ofMinutes(10));

    assertThatThrownBy(() -> signIn.signIn(token(link)))
        .isInstanceOfSatisfying(
            SignInRefused.class,
            e -> assertThat(e.reason()).isEqualTo(SignInRefused.Reason.EXPIRED));
  }

  @Test
  void should_refuse_an_unknown_token() {
    assertThatThrownBy(() -> signIn.signIn("made-up"))
        .isInstanceOfSatisfying(
            SignInRefused.class,
            e -> assertThat(e.reason()).isEqualTo(SignInRefused.Reason.UNKNOWN));
  }

  @Test
  void should_check_the_admin_role_again_on_every_request() {
    ConsoleSession session = signIn.signIn(token(signIn.link(ADMIN, "slack")));

    admins.remove(ADMIN);

    assertThat(signIn.access(session.token())).isEqualTo(new ConsoleSignIn.Access.NotAdmin(ADMIN));
  }

  @Test
  void should_end_the_session_at_sign_out() {
    ConsoleSession session = signIn.signIn(token(signIn.link(ADMIN, "slack")));

    signIn.signOut(session.token());

    assertThat(signIn.access(session.token())).isInstanceOf(ConsoleSignIn.Access.SignedOut.class);
  }

  @Test
  void should_store_only_hashes_of_link_and_session_tokens() {
    SignInLink link = signIn.link(ADMIN, "slack");
    ConsoleSession session = signIn.signIn(token(link));

    String stored =
        database.withConnection(
            connection -> {
              StringBuilder all = new StringBuilder();
              for (String sql :
                  new String[] {
                    "SELECT token_hash FROM console_link", "SELECT token_hash FROM console_session"
                  }) {
                try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
                  while (rs.next()) {
                    all.append(rs.getString(1)).append('\n');
                  }
                }
              }
              return all.toString();
            });
    assertThat(stored).doesNotContain(token(link)).doesNotContain(session.token());
    assertThat(stored).contains(ConsoleSignIn.hash(token(link)));
  }

  @Test
  void should_compare_csrf_tokens_exactly() {
    ConsoleSession session = signIn.signIn(token(signIn.link(ADMIN, "slack")));

    assertThat(ConsoleSignIn.csrfMatches(session, session.csrfToken())).isTrue();
    assertThat(ConsoleSignIn.csrfMatches(session, session.csrfToken() + "x")).isFalse();
    assertThat(ConsoleSignIn.csrfMatches(session, null)).isFalse();
  }
}
