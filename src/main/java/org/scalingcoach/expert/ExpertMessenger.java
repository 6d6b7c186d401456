package org.scalingcoach.expert;

/**
 * One chat platform's way of showing expert questions: in its experts channels and to the people
 * who asked there. Adapters implement it; they translate, the {@link ExpertDesk} decides.
 */
public interface ExpertMessenger {

  /** {@code slack} or {@code teams}: the platform of the channels and askers it reaches. */
  String platform();

  /** Posts {@code question} in its experts channel and returns a reference to update it by. */
  String post(ExpertQuestion question);

  /**
   * Updates the experts' message of {@code question} to show {@code status} ("claimed by …",
   * "answered by … ✓"); its buttons stay while the question is {@code open}.
   */
  void update(ExpertQuestion question, String status, boolean open);

  /** Delivers the expert's answer to the person who asked, where they asked. */
  void deliver(ExpertQuestion question);

  /** Tells the person who asked something about their question (declined, expired). */
  void tell(ExpertQuestion question, String text);

  /** Reminds the experts channel that {@code question} passed its response-time target. */
  void remind(ExpertQuestion question);
}
