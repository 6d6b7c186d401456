package org.scalingcoach.audit;

import java.util.List;
import java.util.Map;
import org.scalingcoach.audit.AuditException.Reason;

/** Finds the question a click was about and the next question of an audit still to be seen. */
final class AuditNavigation {
  private AuditNavigation() {}

  static AuditQuestion question(AuditDefinition definition, String questionId) {
    return definition
        .question(questionId)
        .orElseThrow(
            () ->
                new AuditException(
                    Reason.INVALID_INPUT,
                    "That question is not part of this audit. Use /coach audit to pick it up again."));
  }

  /** The first question after {@code index} with no stored answer, or the end. */
  static int nextUnseen(
      AuditDefinition definition, Map<String, RecordedAnswer> answers, int index, String justSeen) {
    List<AuditQuestion> questions = definition.questions();
    for (int i = index + 1; i < questions.size(); i++) {
      String id = questions.get(i).id();
      if (!answers.containsKey(id) && !id.equals(justSeen)) {
        return i;
      }
    }
    return questions.size();
  }
}
