package com.internhire.process;

/**
 * The models' convention for waits with a due date: an element's {@code deadline} header
 * names the wait in kebab case ({@code start-date}); its due date travels as the variable
 * {@code <camelCase>DueAt} ({@code startDateDueAt}), which the timer reads.
 */
public final class DeadlineVariables {

  private DeadlineVariables() {}

  public static String of(String deadline) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : deadline.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.append("DueAt").toString();
  }
}
