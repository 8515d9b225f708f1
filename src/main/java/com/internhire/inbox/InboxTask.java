package com.internhire.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An open human task as the inbox shows it; {@code assignee} is who claimed it in the
 * project's inbox (null when unclaimed).
 */
record InboxTask(
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
    String state,
    String assignee) {}
