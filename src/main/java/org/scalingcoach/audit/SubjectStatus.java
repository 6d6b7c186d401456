package org.scalingcoach.audit;

/**
 * The latest finished audit of one subject and type, with its trend since the one before.
 *
 * @param audits how many finished audits of this subject and type there are
 */
public record SubjectStatus(
    String type, String title, String subject, AuditRecord latest, int audits, Trend trend) {}
