package org.scalingcoach.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where verified deliveries are kept until their reply was sent; the store implements it. */
public interface Inbox {

  /** Stores {@code delivery} as pending; empty when a delivery with its key is already stored. */
  Optional<Long> add(NewDelivery delivery, Instant now);

  /**
   * Takes an unfinished delivery for work, counting the attempt; empty when it is finished or
   * missing.
   */
  Optional<Delivery> claim(long id, Instant now);

  /** Notes that the reply of {@code id} is about to be sent. */
  void sending(long id, Instant now);

  /** Keeps the platform's id of the reply sent for {@code id} (the first one only). */
  void replied(long id, String replyRef, Instant now);

  /** Marks {@code id} done or failed. */
  void finish(long id, Delivery.State state, Instant now);

  /** Every delivery not yet done or failed, oldest first: what a restart resumes. */
  List<Delivery> unfinished();

  /** Deletes finished deliveries last touched before {@code before}; returns how many. */
  int prune(Instant before);
}
