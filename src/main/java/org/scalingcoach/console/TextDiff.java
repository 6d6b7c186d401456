package org.scalingcoach.console;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A line diff between two versions of a document, with a few unchanged lines around each change.
 */
public final class TextDiff {
  private static final int CONTEXT = 3;

  private TextDiff() {}

  /** What happened to one line. */
  public enum Kind {
    SAME,
    ADDED,
    REMOVED,
    GAP
  }

  /**
   * One line of the diff.
   *
   * @param oldLine its number in the old version, 0 when added
   * @param newLine its number in the new version, 0 when removed
   */
  public record Line(Kind kind, int oldLine, int newLine, String text) {}

  public static List<Line> between(String before, String after) {
    List<String> old = before.lines().toList();
    List<String> now = after.lines().toList();
    Patch<String> patch = DiffUtils.diff(old, now);
    if (patch.getDeltas().isEmpty()) {
      return List.of();
    }
    List<Line> all = new ArrayList<>();
    int o = 0;
    int n = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      while (o < delta.getSource().getPosition()) {
        all.add(new Line(Kind.SAME, o + 1, n + 1, old.get(o)));
        o++;
        n++;
      }
      for (String line : delta.getSource().getLines()) {
        all.add(new Line(Kind.REMOVED, ++o, 0, line));
      }
      for (String line : delta.getTarget().getLines()) {
        all.add(new Line(Kind.ADDED, 0, ++n, line));
      }
    }
    while (o < old.size()) {
      all.add(new Line(Kind.SAME, o + 1, n + 1, old.get(o)));
      o++;
      n++;
    }
    return withContext(all);
  }

  /** Keeps changed lines and {@link #CONTEXT} lines around them; longer runs become a gap. */
  private static List<Line> withContext(List<Line> all) {
    boolean[] keep = new boolean[all.size()];
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).kind() != Kind.SAME) {
        for (int j = Math.max(0, i - CONTEXT); j <= Math.min(all.size() - 1, i + CONTEXT); j++) {
          keep[j] = true;
        }
      }
    }
    List<Line> shown = new ArrayList<>();
    boolean gap = false;
    for (int i = 0; i < all.size(); i++) {
      if (keep[i]) {
        shown.add(all.get(i));
        gap = false;
      } else if (!gap) {
        shown.add(new Line(Kind.GAP, 0, 0, "…"));
        gap = true;
      }
    }
    return shown;
  }
}
