package io.fms.notify.email;

/** A message ready to send: subject, plain text and the same in HTML. */
public record EmailContent(String subject, String text, String html) {}
