package org.scalingcoach.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where verified deliveries are kept until their reply was sent; the store implements it. Each
 * unfinished delivery is held by one replica under a lease: the replica that stored or took it
 * renews the lease while it lives, and another takes the delivery over once the lease ran out.
 */
public interface Inbox {

  /** How long a delivery stays with its replica without a renewal. */
  Duration lease();

  /** Stores {@code delivery} as pending; empty when a delivery with its key is already stored. */
  Optional<Long> add(NewDelivery delivery, Instant now);

  /**
   * Stores {@code delivery} already taken for work by this replica, its first attempt counted, in
   * one write instead of {@link #add} and {@link #claim}: for a delivery whose work is handed to a
   * worker in memory. Returns it as {@link #claim} would before that first attempt; empty when a
   * delivery with its key is already stored.
   */
  Optional<Delivery> addClaimed(NewDelivery delivery, Instant now);

  /**
   * Takes an unfinished delivery for work, counting the attempt; empty when it is finished,
   * missing, or held by another replica whose lease still runs.
   */
  Optional<Delivery> claim(long id, Instant now);

  /**
   * Notes that the reply of {@code id} is about to be sent.
   *
   * @throws LeaseLostException when another replica has taken the delivery over
   */
  void sending(long id, Instant now);

  /**
   * Keeps the platform's ids of the messages the reply of {@code id} has sent so far, in the order
   * sent: {@code sent} is the whole list, the last one just sent.
   *
   * @throws LeaseLostException when another replica has taken the delivery over meanwhile
   */
  void replied(long id, List<String> sent, Instant now);

  /** Marks {@code id} done or failed. */
  void finish(long id, Delivery.State state, Instant now);

  /** Every delivery not yet done or failed, oldest first. */
  List<Delivery> unfinished();

  /** Extends the leases of every unfinished delivery this replica holds; returns how many. */
  int renew(Instant now);

  /**
   * Takes over up to {@code max} unfinished deliveries of other replicas whose lease ran out;
   * returns their ids, oldest first, to be claimed and worked on.
   */
  List<Long> takeOver(Instant now, int max);

  /**
   * At start-up, takes the unfinished deliveries this replica may resume: its own from before a
   * restart and those whose lease ran out, or every one when no other process uses the database.
   */
  List<Long> resumeAtStart(Instant now);

  /** Deletes finished deliveries last touched before {@code before}; returns how many. */
  int prune(Instant before);
}
