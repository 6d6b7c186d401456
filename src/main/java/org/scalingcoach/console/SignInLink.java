package org.scalingcoach.console;

import java.net.URI;
import java.time.Instant;

/** A one-time link that signs an admin in to the console, valid until {@code expiresAt}. */
public record SignInLink(URI url, Instant expiresAt) {}
