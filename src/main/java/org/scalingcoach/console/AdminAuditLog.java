package org.scalingcoach.console;

import java.util.List;

/** The record of every change admins make in the console. */
public interface AdminAuditLog {
  void record(AdminChange change);

  /** The newest {@code limit} changes made in one workspace, newest first. */
  List<AdminChange> recent(String teamId, int limit);
}
