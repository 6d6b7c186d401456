package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BotFrameworkAuthenticatorTest {
  private static final String SERVICE_URL = "https://smba.trafficmanager.net/amer/";
  private static final String TEAMS = "msteams";

  private FakeKeyServer keyServer;
  private BotFrameworkAuthenticator authenticator;

  @BeforeEach
  void start() {
    keyServer = FakeKeyServer.start();
    authenticator = authenticator(false);
  }

  @AfterEach
  void stop() {
    keyServer.close();
  }

  private BotFrameworkAuthenticator authenticator(boolean emulatorMode) {
    Clock clock = Clock.systemUTC();
    BotFrameworkKeys keys =
        new BotFrameworkKeys(
            HttpClient.newHttpClient(), keyServer.metadataUrl(), Duration.ofMinutes(5), clock);
    return new BotFrameworkAuthenticator(FakeKeyServer.APP_ID, keys, emulatorMode, clock);
  }

  private void authenticate(String header) throws AuthenticationException {
    authenticator.authenticate(header, TEAMS, SERVICE_URL);
  }

  private String bearer(JWTClaimsSet.Builder claims) {
    return keyServer.bearer(claims.build());
  }

  private static JWTClaimsSet.Builder valid() {
    return FakeKeyServer.validClaims(SERVICE_URL);
  }

  private static Date minutesFromNow(int minutes) {
    return Date.from(Instant.now().plus(Duration.ofMinutes(minutes)));
  }

  @Test
  void should_accept_a_token_the_bot_framework_issued_for_this_bot() {
    assertThatCode(() -> authenticate(bearer(valid()))).doesNotThrowAnyException();
  }

  @Test
  void should_reject_a_request_without_authorization_header() {
    assertThatThrownBy(() -> authenticate(null)).hasMessageContaining("no Authorization");
  }

  @Test
  void should_reject_an_authorization_that_is_not_a_bearer_token() {
    String token = bearer(valid()).substring("Bearer ".length());
    assertThatThrownBy(() -> authenticate("Basic " + token)).hasMessageContaining("bearer");
  }

  @Test
  void should_reject_a_token_signed_by_another_key_with_a_published_key_id() {
    RSAKey impostor = FakeKeyServer.newKey(keyServer.signingKey.getKeyID());
    String token = FakeKeyServer.sign(impostor, JWSAlgorithm.RS256, valid().build());

    assertThatThrownBy(() -> authenticate("Bearer " + token)).hasMessageContaining("signature");
  }

  @Test
  void should_reject_a_token_whose_payload_was_altered_after_signing() {
    String[] parts = bearer(valid()).substring(7).split("\\.");
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(valid().audience("someone-else").build().toString().getBytes());
    String token = parts[0] + "." + forged + "." + parts[2];

    assertThatThrownBy(() -> authenticate("Bearer " + token)).hasMessageContaining("signature");
  }

  @Test
  void should_reject_a_token_from_another_issuer() {
    String header = bearer(valid().issuer("https://sts.windows.net/evil-tenant/"));
    assertThatThrownBy(() -> authenticate(header)).hasMessageContaining("issuer");
  }

  @Test
  void should_reject_a_token_issued_to_another_bot() {
    String header = bearer(valid().audience("11111111-2222-3333-4444-555555555555"));
    assertThatThrownBy(() -> authenticate(header)).hasMessageContaining("audience");
  }

  @Test
  void should_reject_a_token_expired_more_than_five_minutes_ago() {
    String header = bearer(valid().expirationTime(minutesFromNow(-6)));
    assertThatThrownBy(() -> authenticate(header)).hasMessageContaining("expired");
  }

  @Test
  void should_accept_a_token_expired_within_the_five_minutes_of_clock_skew() {
    String header = bearer(valid().expirationTime(minutesFromNow(-4)));
    assertThatCode(() -> authenticate(header)).doesNotThrowAnyException();
  }

  @Test
  void should_reject_a_token_without_expiry() {
    String header = bearer(valid().expirationTime(null));
    assertThatThrownBy(() -> authenticate(header)).hasMessageContaining("expired");
  }

  @Test
  void should_reject_a_token_not_valid_for_more_than_five_minutes_yet() {
    String header = bearer(valid().notBeforeTime(minutesFromNow(6)));
    assertThatThrownBy(() -> authenticate(header)).hasMessageContaining("not valid before");
  }

  @Test
  void should_accept_a_token_valid_from_within_the_five_minutes_of_clock_skew() {
    String header = bearer(valid().notBeforeTime(minutesFromNow(4)));
    assertThatCode(() -> authenticate(header)).doesNotThrowAnyException();
  }

  @Test
  void should_reject_a_token_issued_for_another_service_url() {
    String header = bearer(valid().claim("serviceurl", "https://attacker.example/amer/"));
    assertThatThrownBy(() -> authenticate(header)).hasMessageContaining("serviceurl");
  }

  @Test
  void should_reject_a_token_without_service_url_claim() {
    String header = bearer(valid().claim("serviceurl", null));
    assertThatThrownBy(() -> authenticate(header)).hasMessageContaining("serviceurl");
  }

  @Test
  void should_reject_a_key_that_is_not_endorsed_for_the_activity_channel() {
    keyServer.publish(keyServer.signingKey, List.of("webchat", "skype"));
    String header = bearer(valid());
    assertThatThrownBy(() -> authenticate(header)).hasMessageContaining("not endorsed");
  }

  @Test
  void should_reject_an_unsigned_token_with_alg_none() {
    String token = new PlainJWT(valid().build()).serialize();
    assertThatThrownBy(() -> authenticate("Bearer " + token)).hasMessageContaining("not signed");
  }

  @Test
  void should_reject_an_hs256_token_keyed_with_the_public_key() throws JOSEException {
    byte[] secret = keyServer.signingKey.toRSAPublicKey().getEncoded();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keyServer.signingKey.getKeyID())
                .build(),
            valid().build());
    jwt.sign(new MACSigner(secret));

    assertThatThrownBy(() -> authenticate("Bearer " + jwt.serialize()))
        .hasMessageContaining("not RS256");
  }

  @Test
  void should_reject_an_rs512_token_even_when_signed_by_the_published_key() {
    String token = FakeKeyServer.sign(keyServer.signingKey, JWSAlgorithm.RS512, valid().build());
    assertThatThrownBy(() -> authenticate("Bearer " + token)).hasMessageContaining("not RS256");
  }

  @Test
  void should_refetch_the_keys_once_for_unknown_key_ids_and_no_more_within_the_interval()
      throws AuthenticationException {
    authenticate(bearer(valid()));
    assertThat(keyServer.keyFetches()).isEqualTo(1);
    RSAKey unknown = FakeKeyServer.newKey("never-published");
    String token = FakeKeyServer.sign(unknown, JWSAlgorithm.RS256, valid().build());

    assertThatThrownBy(() -> authenticate("Bearer " + token)).hasMessageContaining("unknown");
    assertThatThrownBy(() -> authenticate("Bearer " + token)).hasMessageContaining("unknown");

    assertThat(keyServer.keyFetches()).isEqualTo(2);
  }

  @Test
  void should_accept_a_rotated_key_after_one_refetch() throws AuthenticationException {
    authenticate(bearer(valid()));
    RSAKey rotated = FakeKeyServer.newKey("bf-key-2");
    keyServer.publish(rotated, List.of(TEAMS));

    authenticate("Bearer " + FakeKeyServer.sign(rotated, JWSAlgorithm.RS256, valid().build()));

    assertThat(keyServer.keyFetches()).isEqualTo(2);
  }

  @Test
  void should_cache_the_keys_across_requests() throws AuthenticationException {
    for (int i = 0; i < 5; i++) {
      authenticate(bearer(valid()));
    }
    assertThat(keyServer.keyFetches()).isEqualTo(1);
  }

  @Test
  void should_accept_an_emulator_request_without_token_from_this_machine_in_emulator_mode() {
    BotFrameworkAuthenticator emulator = authenticator(true);
    assertThatCode(() -> emulator.authenticate(null, "emulator", "http://localhost:53421/"))
        .doesNotThrowAnyException();
  }

  @Test
  void should_reject_a_request_without_token_from_elsewhere_even_in_emulator_mode() {
    BotFrameworkAuthenticator emulator = authenticator(true);
    assertThatThrownBy(() -> emulator.authenticate(null, TEAMS, SERVICE_URL))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void should_reject_a_request_without_token_from_this_machine_when_emulator_mode_is_off() {
    assertThatThrownBy(
            () -> authenticator.authenticate(null, "emulator", "http://localhost:53421/"))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void should_check_the_signature_of_a_repeated_token_once() throws AuthenticationException {
    String header = bearer(valid());

    for (int i = 0; i < 3; i++) {
      authenticate(header);
    }

    assertThat(authenticator.signatureChecks()).isEqualTo(1);
  }

  @Test
  void should_refuse_a_verified_token_again_once_it_expired() throws AuthenticationException {
    MutableClock clock = new MutableClock(Instant.now());
    BotFrameworkAuthenticator timed = authenticator(clock);
    String header = bearer(valid().expirationTime(minutesFromNow(10)));
    timed.authenticate(header, TEAMS, SERVICE_URL);

    clock.advance(Duration.ofMinutes(16));

    assertThatThrownBy(() -> timed.authenticate(header, TEAMS, SERVICE_URL))
        .hasMessageContaining("expired");
  }

  @Test
  void should_refuse_a_verified_token_once_its_key_id_names_another_key()
      throws AuthenticationException {
    MutableClock clock = new MutableClock(Instant.now());
    BotFrameworkAuthenticator timed = authenticator(clock);
    String header =
        bearer(valid().expirationTime(Date.from(Instant.now().plus(Duration.ofHours(48)))));
    timed.authenticate(header, TEAMS, SERVICE_URL);
    keyServer.publish(FakeKeyServer.newKey(keyServer.signingKey.getKeyID()), List.of(TEAMS));

    clock.advance(Duration.ofHours(25)); // the key set is fetched again

    assertThatThrownBy(() -> timed.authenticate(header, TEAMS, SERVICE_URL))
        .hasMessageContaining("bad token signature");
  }

  @Test
  void should_apply_the_current_endorsements_to_a_verified_token() throws AuthenticationException {
    MutableClock clock = new MutableClock(Instant.now());
    BotFrameworkAuthenticator timed = authenticator(clock);
    String header =
        bearer(valid().expirationTime(Date.from(Instant.now().plus(Duration.ofHours(48)))));
    timed.authenticate(header, TEAMS, SERVICE_URL);
    keyServer.publish(keyServer.signingKey, List.of("webchat"));

    clock.advance(Duration.ofHours(25));

    assertThatThrownBy(() -> timed.authenticate(header, TEAMS, SERVICE_URL))
        .hasMessageContaining("not endorsed");
  }

  private BotFrameworkAuthenticator authenticator(Clock clock) {
    BotFrameworkKeys keys =
        new BotFrameworkKeys(
            HttpClient.newHttpClient(), keyServer.metadataUrl(), Duration.ofMinutes(5), clock);
    return new BotFrameworkAuthenticator(FakeKeyServer.APP_ID, keys, false, clock);
  }
}
