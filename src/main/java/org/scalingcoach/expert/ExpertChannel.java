package org.scalingcoach.expert;

/** One experts channel on one platform ({@code slack} or {@code teams}), by its platform id. */
public record ExpertChannel(String platform, String id) {}
