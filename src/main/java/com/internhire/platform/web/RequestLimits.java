package com.internhire.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what the API reads: a body larger than {@code hiring.api.max-body-size} (default
 * 64 KB; an application is a few hundred bytes) is refused with 413 before it is read,
 * whether it declares its length or streams it in chunks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLimits extends OncePerRequestFilter {

  private final long maxBody;
  private final ObjectMapper json;

  RequestLimits(@Value("${hiring.api.max-body-size:64KB}") DataSize maxBody, ObjectMapper json) {
    this.maxBody = maxBody.toBytes();
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBody) {
      tooLarge(response);
      return;
    }
    try {
      chain.doFilter(new Bounded(request, maxBody), response);
    } catch (BodyTooLarge | ServletException e) {
      if (!(e instanceof BodyTooLarge) && !(e.getCause() instanceof BodyTooLarge)) {
        throw e;
      }
      if (!response.isCommitted()) {
        response.reset();
        tooLarge(response);
      }
    }
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem(maxBody));
  }

  static org.springframework.http.ProblemDetail problem(long maxBody) {
    return ApiProblem.problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "body-too-large",
        "Request body too large",
        "The request body may be at most " + maxBody + " bytes.",
        Map.of());
  }

  static final class BodyTooLarge extends IOException {
    BodyTooLarge() {
      super("request body too large");
    }
  }

  private static final class Bounded extends HttpServletRequestWrapper {
    private final long max;

    Bounded(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > max) {
            throw new BodyTooLarge();
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0 && (read += n) > max) {
            throw new BodyTooLarge();
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
