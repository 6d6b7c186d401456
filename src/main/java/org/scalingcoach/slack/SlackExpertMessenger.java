package org.scalingcoach.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.UUID;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.conversation.ExpertReplies;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.expert.ExpertMessenger;
import org.scalingcoach.expert.ExpertQuestion;
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
                            .text(SlackReplies.fallbackText(question(q, null, true)))
                            .blocks(SlackReplies.blocks(question(q, null, true)))
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
                        .text(SlackReplies.fallbackText(question(q, status, open)))
                        .blocks(SlackReplies.blocks(question(q, status, open)))));
  }

  /**
   * Posts the expert's answer where the employee asked, as a coach answer: it is stored like one,
   * so its 👍/👎 are recorded and a follow-up in the thread carries on the conversation.
   */
  @Override
  public void deliver(ExpertQuestion q) {
    Answer answer = ExpertReplies.answer(q);
    String id = UUID.randomUUID().toString();
    Place place = new Place(q.asker().workspace(), conversation(q), thread(q));
    answers.save(id, place, null, q.asker().user(), answer);
    Reply delivered = ExpertReplies.delivered(q, id, "slack");
    List<LayoutBlock> blocks = SlackReplies.blocks(delivered);
    ChatPostMessageResponse posted =
        slack.call(
            "chat.postMessage",
            client ->
                client.chatPostMessage(
                    r ->
                        r.channel(place.channel())
                            .threadTs(place.threadTs())
                            .text(SlackReplies.fallbackText(delivered))
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
                        .text(ExpertReplies.OVERDUE)));
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

  private static Reply question(ExpertQuestion q, String status, boolean open) {
    return ExpertReplies.question(q, status, open, "slack");
  }
}
