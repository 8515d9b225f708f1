package com.internhire.application;

/** Where an application stands, with the plain words a candidate reads. */
public enum ApplicationStatus {
  SUBMITTED("Received; screening comes next", false),
  SCREENED("Screened; waiting for a recruiter", false),
  IN_REVIEW("Being reviewed by a recruiter", false),
  ADVANCED("Advanced to interviews", false),
  REJECTED("Not taken forward", true);

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
