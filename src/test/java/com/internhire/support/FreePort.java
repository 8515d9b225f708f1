package com.internhire.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A free local port, chosen once per test JVM so cached Spring contexts share it. */
public final class FreePort {

  public static final int ENGINE = find();

  private FreePort() {}

  private static int find() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
