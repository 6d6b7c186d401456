package org.scalingcoach.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminSettingsTest {

  @Test
  void should_watch_folders_and_have_no_listed_admins_by_default() {
    AdminSettings admin = CoachConfig.defaults().admin();

    assertThat(admin.watchFolders()).isTrue();
    assertThat(admin.admins()).isEmpty();
  }

  @Test
  void should_read_admins_and_switch_watching_off() {
    AdminSettings admin =
        CoachConfig.fromEnvironment(
                Map.of("COACH_ADMINS", " U01ADMIN , U02ADMIN", "COACH_RELOAD_WATCH", "false"))
            .admin();

    assertThat(admin.admins()).containsExactlyInAnyOrder("U01ADMIN", "U02ADMIN");
    assertThat(admin.watchFolders()).isFalse();
  }

  @Test
  void should_report_a_bad_admin_id_and_a_bad_switch_together() {
    assertThatThrownBy(
            () ->
                CoachConfig.fromEnvironment(
                    Map.of("COACH_ADMINS", "U01 ADMIN;x", "COACH_RELOAD_WATCH", "sometimes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("COACH_ADMINS must be comma-separated user ids")
        .hasMessageContaining("COACH_RELOAD_WATCH must be true or false, not 'sometimes'");
  }
}
