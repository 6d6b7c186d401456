package org.scalingcoach.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ProcessorSlotsTest {

  @Test
  void aDeliveryWaitingOnTheNetworkLetsAnotherCompute() throws Exception {
    ProcessorSlots slots = new ProcessorSlots(1);
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch secondRan = new CountDownLatch(1);
    Thread first =
        new Thread(
            () ->
                slots.run(
                    () -> {
                      try {
                        ProcessorSlots
                            .<Boolean, InterruptedException, RuntimeException>whileWaiting(
                                () -> {
                                  waiting.countDown();
                                  // The "network call": it returns once the second has computed.
                                  return secondRan.await(10, TimeUnit.SECONDS);
                                });
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    first.start();
    assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
    Thread second = new Thread(() -> slots.run(secondRan::countDown));
    second.start();
    first.join(10_000);
    second.join(10_000);
    assertThat(secondRan.getCount()).isZero();
    assertThat(slots.available()).isEqualTo(1);
  }

  @Test
  void computingWorkHoldsItsSlotUntilItIsDone() throws Exception {
    ProcessorSlots slots = new ProcessorSlots(1);
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean secondStarted = new AtomicBoolean();
    Thread first =
        new Thread(
            () ->
                slots.run(
                    () -> {
                      computing.countDown();
                      try {
                        release.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    first.start();
    assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
    Thread second = new Thread(() -> slots.run(() -> secondStarted.set(true)));
    second.start();
    second.join(300);
    assertThat(secondStarted).as("no slot while the first computes").isFalse();
    release.countDown();
    first.join(10_000);
    second.join(10_000);
    assertThat(secondStarted).isTrue();
    assertThat(slots.available()).isEqualTo(1);
  }

  @Test
  void aFailedWaitTakesItsSlotBackAndNestedWorkDoesNotAskForASecond() {
    ProcessorSlots slots = new ProcessorSlots(1);
    slots.run(
        () -> {
          assertThat(slots.available()).isZero();
          assertThatThrownBy(
                  () ->
                      ProcessorSlots.<Void, IOException, RuntimeException>whileWaiting(
                          () -> {
                            assertThat(slots.available()).isEqualTo(1);
                            throw new IOException("connection reset");
                          }))
              .isInstanceOf(IOException.class);
          assertThat(slots.available()).isZero();
          slots.run(() -> assertThat(slots.available()).isZero()); // nested: no deadlock
        });
    assertThat(slots.available()).isEqualTo(1);
  }

  @Test
  void withoutALimitNothingWaitsAndAThreadWithoutASlotWaitsAsItIs() throws Exception {
    ProcessorSlots unlimited = new ProcessorSlots(0);
    AtomicBoolean ran = new AtomicBoolean();
    unlimited.run(() -> ran.set(true));
    assertThat(ran).isTrue();
    assertThat(ProcessorSlots.<String, RuntimeException, RuntimeException>whileWaiting(() -> "ok"))
        .isEqualTo("ok");
    assertThatThrownBy(() -> new ProcessorSlots(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aThreadThatCannotTakeItsSlotBackGoesOnWithoutAndTheCountStaysRight() throws Exception {
    ProcessorSlots slots = new ProcessorSlots(1);
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch letGo = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                slots.run(
                    () -> {
                      taken.countDown();
                      try {
                        letGo.await(20, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    AtomicBoolean finished = new AtomicBoolean();
    slots.run(
        () -> {
          ProcessorSlots.<Void, RuntimeException, RuntimeException>whileWaiting(
              () -> {
                holder.start(); // takes the slot this thread gave back, and keeps it
                try {
                  assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return null;
              });
          finished.set(true); // after about a second, without a slot
        });
    assertThat(finished).isTrue();
    assertThat(slots.available()).isZero(); // the holder's, not released twice
    letGo.countDown();
    holder.join(10_000);
    assertThat(slots.available()).isEqualTo(1);
  }
}
