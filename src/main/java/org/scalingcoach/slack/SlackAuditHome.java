package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.AuditServices;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditStatus;

/**
 * The audits section of the App Home: the catalog, your finished audits and, for managers, the
 * team.
 */
final class SlackAuditHome {
  private final AuditServices audits;

  SlackAuditHome(AuditServices audits) {
    this.audits = audits;
  }

  List<LayoutBlock> blocks(String teamId, String userId) {
    Actor actor = new Actor(teamId, userId);
    List<AuditRecord> visible = audits.history().visible(actor);
    List<AuditRecord> mine = visible.stream().filter(a -> a.userId().equals(userId)).toList();
    List<LayoutBlock> blocks =
        new ArrayList<>(AuditBlocks.list(audits.catalog().definitions(), mine));
    List<AuditRecord> finished =
        mine.stream().filter(a -> a.status() == AuditStatus.FINISHED).limit(5).toList();
    if (!finished.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("*Your finished audits*"))));
      for (AuditRecord a : finished) {
        blocks.add(
            section(
                s ->
                    s.text(
                            markdownText(
                                Mrkdwn.escape(a.subject())
                                    + " · `"
                                    + a.type()
                                    + "` · *"
                                    + a.levelName()
                                    + "* ("
                                    + AuditBlocks.number(a.score())
                                    + ") · "
                                    + a.finishedAt().toString().substring(0, 10)))
                        .accessory(
                            AuditBlocks.button(
                                AuditBlocks.REPORT, "View report", String.valueOf(a.id()), null))));
      }
    }
    if (audits.history().isManager(actor)) {
      blocks.addAll(AuditReportBlocks.team(audits.history().latest(actor)));
    }
    return blocks;
  }
}
