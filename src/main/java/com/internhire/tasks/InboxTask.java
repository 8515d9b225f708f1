package com.internhire.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An open human task as the inbox shows it. */
public record InboxTask(
    String id,
    String name,
    String elementId,
    UUID applicationId,
    String processInstanceKey,
    String formId,
    int priority,
    Instant dueAt,
    Instant createdAt,
    boolean overdue,
    List<String> candidateGroups,
    String state) {}
