package com.internhire.application;

/**
 * Where an application stands, with the plain words a candidate reads (never scores or
 * notes). Concluded statuses end the application; the first conclusion is final.
 */
public enum ApplicationStatus {
  SUBMITTED("Received; screening comes next", false),
  AWAITING_AVAILABILITY("Waiting for you to state your availability", false),
  WAITING_TURN("Waiting until your earlier application is decided", false),
  SCREENED("Being reviewed", false),
  IN_REVIEW("Being reviewed", false),
  INTERVIEWING("Interviews", false),
  AWAITING_DECISION("Interviews done; a decision is being made", false),
  OFFER_APPROVAL("Interviews done; a decision is being made", false),
  OFFERED("Offer made; waiting for your answer", false),
  OFFER_ACCEPTED("Offer accepted; please confirm your start date", false),
  HIRED("Hired; start date confirmed", true),
  REJECTED("Not taken forward", true),
  WITHDRAWN("Withdrawn", true),
  POSITION_FILLED("Closed: the position has been filled", true),
  INCOMPLETE("Closed: no availability was stated in time", true),
  OFFER_DECLINED("Offer declined", true),
  OFFER_EXPIRED("Closed: the offer expired", true),
  HIRED_ELSEWHERE("Closed: hired through your other application", true);

  private final String plainWords;
  private final boolean concluded;

  ApplicationStatus(String plainWords, boolean concluded) {
    this.plainWords = plainWords;
    this.concluded = concluded;
  }

  public String plainWords() {
    return plainWords;
  }

  public boolean concluded() {
    return concluded;
  }
}
