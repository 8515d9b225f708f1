package com.internhire.audit;

/**
 * What an audit row records. The trail is written by the module that made the change, in the
 * same transaction, and read only to show it (history, the auditor's view, reports); never to
 * rebuild state, which lives in the modules' own tables.
 */
public enum AuditAction {
  /** A candidate's submission was taken (R1, R2, R8). */
  SUBMITTED,
  /** The screening decision ran (R6, R7): rule version, inputs, matched rules, result. */
  SCREENED,
  /** An application's status changed (from, to, the element that changed it). */
  STATUS_CHANGED,
  /** A person completed a human task with these answers. */
  TASK_COMPLETED,
  /** The engine did not complete a task a person submitted. */
  TASK_COMPLETION_REFUSED,
  /** An overdue review went to the recruiting leads (R3). */
  REVIEW_ESCALATED,
  AVAILABILITY_PROVIDED,
  OFFER_ANSWERED,
  START_DATE_CONFIRMED,
  WITHDRAWAL_REQUESTED,
  SEAT_HELD,
  SEAT_RELEASED,
  SEAT_TAKEN,
  /** The proposed cohort had no free seat (R5). */
  NO_SEAT,
  HANDED_OVER,
  PERSONAL_DATA_ERASED,
  PROCESS_MIGRATED,
  /** The embedded engine's recovery re-created a lost instance. */
  PROCESS_RECREATED
}
