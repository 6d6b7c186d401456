package org.scalingcoach.conversation;

import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.retrieval.HashingEmbedder;
import org.scalingcoach.store.Database;
import org.scalingcoach.web.CoachServer;

/**
 * A whole coach in its own JVM, configured from the environment as in production (with a fast
 * embedder), that prints its port and serves until it is killed: what the crash tests kill.
 */
public final class CoachChild {
  static final String READY = "listening on ";

  private CoachChild() {}

  public static void main(String[] args) throws Exception {
    CoachConfig config = CoachConfig.fromEnvironment(System.getenv());
    Database database = CoachWiring.database(config);
    CoachCore core = CoachWiring.core(config, database, new HashingEmbedder());
    CoachServer server = CoachServer.start(config, core, database);
    System.out.println(READY + server.port());
    System.out.flush();
    server.join();
  }
}
