package org.scalingcoach.guard;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message on one line whatever it holds, so that no logger (ours or a library's) can be
 * made to write a line that looks like another event. Used as {@code %msg} in {@code logback.xml}.
 */
public final class OneLineMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return Untrusted.oneLine(super.convert(event));
  }
}
