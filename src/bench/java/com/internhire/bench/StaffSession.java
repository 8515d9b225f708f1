package com.internhire.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.support.Api;
import com.internhire.support.PageSession;

/**
 * A member of staff as the web pages work: signed in once with the form, then the inbox API with
 * the session cookie and the page's CSRF token (or, with {@code basic}, HTTP Basic on every
 * call, as a script would).
 */
final class StaffSession {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PageSession page;
  private final Api basic;

  private StaffSession(PageSession page, Api basic) {
    this.page = page;
    this.basic = basic;
  }

  static StaffSession basic(int port, String user) {
    return new StaffSession(null, Api.at(port).as(user));
  }

  static StaffSession signIn(int port, String user) {
    return new StaffSession(PageSession.signIn(port, user), null);
  }

  Api.Response get(String path) {
    return basic != null ? basic.get(path) : page.get(path);
  }

  Api.Response post(String path, Object body) {
    if (basic != null) {
      return basic.post(path, body);
    }
    try {
      return page.post(path, JSON.writeValueAsString(body), true);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
