package org.scalingcoach.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.expert.ExpertMessenger;
import org.scalingcoach.expert.ExpertQuestion;
import org.scalingcoach.knowledge.Topic;
import org.scalingcoach.store.SlackAnswerStore;
import org.scalingcoach.store.SlackAnswerStore.Place;

/**
 * Expert questions in Slack: the experts' message in their channel ({@code channel:ts} is its
 * reference), and the answer delivered to the employee in the thread or DM where they asked.
 */
final class SlackExpertMessenger implements ExpertMessenger {
  private final SlackWebApi slack;
  private final SlackAnswerStore answers;

  SlackExpertMessenger(SlackWebApi slack, SlackAnswerStore answers) {
    this.slack = slack;
    this.answers = answers;
  }

  @Override
  public String platform() {
    return "slack";
  }

  @Override
  public String post(ExpertQuestion q) {
    String channel = q.channel().orElseThrow().id();
    ChatPostMessageResponse posted =
        slack.call(
            "chat.postMessage",
            client ->
                client.chatPostMessage(
                    r ->
                        r.channel(channel)
                            .text(ExpertBlocks.fallback(q))
                            .blocks(ExpertBlocks.question(q, null, true))
                            .unfurlLinks(false)
                            .unfurlMedia(false)));
    return reference(posted.getChannel() != null ? posted.getChannel() : channel, posted.getTs());
  }

  @Override
  public void update(ExpertQuestion q, String status, boolean open) {
    String[] ref = q.expertMessage().orElseThrow().split(":", 2);
    slack.call(
        "chat.update",
        client ->
            client.chatUpdate(
                r ->
                    r.channel(ref[0])
                        .ts(ref[1])
                        .text(ExpertBlocks.fallback(q))
                        .blocks(ExpertBlocks.question(q, status, open))));
  }

  /**
   * Posts the expert's answer where the employee asked, as a coach answer: it is stored like one,
   * so its 👍/👎 are recorded and a follow-up in the thread carries on the conversation.
   */
  @Override
  public void deliver(ExpertQuestion q) {
    String expert = q.answeredBy().orElse("an expert");
    Answer answer =
        new Answer(
            q.question(),
            true,
            Topic.fromId(q.route()).orElse(null),
            q.answer().orElse(""),
            List.of(),
            List.of());
    String id = UUID.randomUUID().toString();
    Place place = new Place(q.asker().workspace(), conversation(q), thread(q));
    answers.save(id, place, null, q.asker().user(), answer);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        com.slack.api.model.block.Blocks.context(
            List.of(
                com.slack.api.model.block.composition.BlockCompositions.markdownText(
                    "🧑‍🏫 "
                        + who(q, expert)
                        + " answered your question _"
                        + Mrkdwn.escape(q.question())
                        + "_"))));
    blocks.addAll(AnswerBlocks.answer(answer, id, AnswerBlocks.Options.PLAIN));
    ChatPostMessageResponse posted =
        slack.call(
            "chat.postMessage",
            client ->
                client.chatPostMessage(
                    r ->
                        r.channel(place.channel())
                            .threadTs(place.threadTs())
                            .text("An expert answered: " + AnswerBlocks.fallbackText(answer))
                            .blocks(blocks)));
    answers.posted(
        id, posted.getChannel() != null ? posted.getChannel() : place.channel(), posted.getTs());
  }

  @Override
  public void tell(ExpertQuestion q, String text) {
    slack.call(
        "chat.postMessage",
        client ->
            client.chatPostMessage(
                r -> r.channel(conversation(q)).threadTs(thread(q)).text(Mrkdwn.escape(text))));
  }

  @Override
  public void remind(ExpertQuestion q) {
    String[] ref = q.expertMessage().orElseThrow().split(":", 2);
    slack.call(
        "chat.postMessage",
        client ->
            client.chatPostMessage(
                r ->
                    r.channel(ref[0])
                        .threadTs(ref[1])
                        .replyBroadcast(true)
                        .text(
                            "⏰ This question has waited past its response-time target. Can"
                                + " someone answer or claim it?")));
  }

  static String reference(String channel, String ts) {
    return channel + ":" + ts;
  }

  /** The conversation to answer in: the channel or DM, or the person (their DM) for /coach. */
  private static String conversation(ExpertQuestion q) {
    return q.asker().conversation();
  }

  private static String thread(ExpertQuestion q) {
    return q.asker().thread().isEmpty() ? null : q.asker().thread();
  }

  private static String who(ExpertQuestion q, String expert) {
    boolean slackExpert = q.channel().map(c -> c.platform().equals("slack")).orElse(false);
    return slackExpert ? "<@" + expert + ">" : Mrkdwn.escape(expert) + " (in Teams)";
  }
}
