package org.scalingcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scalingcoach.answer.Asker;

class LlmClientTest {

  /**
   * A provider client that reads the whole stream on the caller's thread, as langchain4j's JDK
   * client does when the response has already arrived when it attaches its parser.
   */
  private static final class BlockingModel implements StreamingChatModel {
    final CountDownLatch release = new CountDownLatch(1);
    volatile String calledOn;

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
      calledOn = Thread.currentThread().getName();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      handler.onError(new IllegalStateException("released"));
    }
  }

  @Test
  void should_give_up_at_the_deadline_even_when_the_provider_client_blocks_its_caller()
      throws Exception {
    BlockingModel model = new BlockingModel();
    LlmClient client =
        new LlmClient(model, "fake", "blocking", Duration.ofMillis(200), LlmThreads.CALLS);
    Prompt prompt = new Prompt("rules", "question", List.of());
    warmUp(client, prompt); // class loading on a busy machine is not what is measured

    long start = System.nanoTime();
    LlmClient.Pending pending = client.start(prompt, new Asker("T1", "U1"), text -> {});
    long started = System.nanoTime() - start;

    LlmUnavailableException.Reason reason = null;
    try {
      pending.await();
    } catch (LlmUnavailableException e) {
      reason = e.reason();
    }
    long answered = System.nanoTime() - start;

    assertThat(reason).isEqualTo(LlmUnavailableException.Reason.TIMEOUT);
    assertThat(Duration.ofNanos(answered)).isLessThan(Duration.ofMillis(200).plusSeconds(1));
    assertThat(Duration.ofNanos(started)).isLessThan(Duration.ofSeconds(1));
    assertThat(model.calledOn).startsWith("llm-call-");
    model.release.countDown();
  }

  private static void warmUp(LlmClient client, Prompt prompt) {
    try {
      client.start(prompt, new Asker("T0", "U0"), text -> {}).await();
    } catch (LlmUnavailableException e) {
      // expected: the model blocks
    }
  }
}
