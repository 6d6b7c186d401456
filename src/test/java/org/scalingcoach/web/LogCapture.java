package org.scalingcoach.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Everything the coach logs while open, rendered with the encoder of the configured console
 * appender, so tests see the lines exactly as they would land in the log file.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final Encoder<ILoggingEvent> encoder;
  private final List<String> forged = new ArrayList<>();
  private final List<String> stackTraces = new ArrayList<>();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong events = new AtomicLong();

  @SuppressWarnings("unchecked")
  private LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Encoder<ILoggingEvent> found = null;
    for (var appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
      if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> stream) {
        found = stream.getEncoder();
        break;
      }
    }
    if (found == null) {
      throw new IllegalStateException("logback.xml gives the root logger no console appender");
    }
    this.encoder = found;
    setContext(context);
    setName("capture");
  }

  /** Starts capturing from the root logger. */
  public static LogCapture open() {
    LogCapture capture = new LogCapture();
    capture.start();
    ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        .addAppender(capture);
    return capture;
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    String rendered = new String(encoder.encode(event), StandardCharsets.UTF_8);
    events.incrementAndGet();
    bytes.addAndGet(rendered.length());
    if (event.getThrowableProxy() != null) {
      stackTraces.add(firstLine(rendered));
      return;
    }
    String body = rendered.endsWith("\n") ? rendered.substring(0, rendered.length() - 1) : rendered;
    if (body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0 || body.indexOf('\0') >= 0) {
      forged.add(body);
    }
  }

  private static String firstLine(String rendered) {
    int end = rendered.indexOf('\n');
    return end < 0 ? rendered : rendered.substring(0, end);
  }

  /** Events whose rendering is more than one line (or holds a NUL) without being a stack trace. */
  public synchronized List<String> forgedLines() {
    return List.copyOf(forged);
  }

  /** First lines of the events logged with a stack trace. */
  public synchronized List<String> stackTraces() {
    return List.copyOf(stackTraces);
  }

  public long bytes() {
    return bytes.get();
  }

  public long events() {
    return events.get();
  }

  @Override
  public void close() {
    ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        .detachAppender(this);
    stop();
  }
}
