package org.scalingcoach.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WriteGateTest {
  private final WriteGate gate = new WriteGate(10_000);
  private final List<String> order = new CopyOnWriteArrayList<>();

  @Test
  void anAcknowledgementGoesBeforeWorkThatQueuedEarlier() throws Exception {
    gate.enter(false);
    Thread work = waiter("work", false);
    awaitWaiting(work);
    Thread door = waiter("door", true);
    awaitWaiting(door);

    gate.leave();
    work.join(10_000);
    door.join(10_000);

    assertThat(order).containsExactly("door", "work");
  }

  @Test
  void aThreadHoldingTheGateMayEnterAgain() {
    gate.enter(false);
    gate.enter(true);
    gate.leave();
    gate.leave();

    gate.enter(true); // free again: does not wait
    gate.leave();
  }

  @Test
  void aTurnThatDoesNotComeFailsWithAClearError() throws Exception {
    WriteGate quick = new WriteGate(50);
    Thread holder = new Thread(() -> quick.enter(false));
    holder.start();
    holder.join();

    assertThatThrownBy(() -> quick.enter(true))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("busy for 50 ms");
  }

  @Test
  void onlyTheHolderMayLeave() {
    assertThatThrownBy(gate::leave).isInstanceOf(IllegalStateException.class);
  }

  private Thread waiter(String name, boolean door) {
    Thread thread =
        new Thread(
            () -> {
              gate.enter(door);
              order.add(name);
              gate.leave();
            },
            name);
    thread.start();
    return thread;
  }

  private static void awaitWaiting(Thread thread) throws InterruptedException {
    while (thread.getState() != Thread.State.TIMED_WAITING) {
      Thread.sleep(1);
    }
  }
}
