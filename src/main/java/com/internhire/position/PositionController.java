package com.internhire.position;

import com.internhire.platform.DomainException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open postings (public) and opening new ones (process owners). R1 spans all of them. */
@RestController
@RequestMapping("/api/positions")
class PositionController {

  private final PositionRepository positions;
  private final TransactionTemplate tx;

  PositionController(PositionRepository positions, TransactionTemplate tx) {
    this.positions = positions;
    this.tx = tx;
  }

  @GetMapping
  List<Position> open() {
    return positions.findOpen();
  }

  @GetMapping("/{id}")
  Position one(@PathVariable String id) {
    return positions.findById(id).orElseThrow(() -> DomainException.positionNotFound(id));
  }

  @PostMapping
  ResponseEntity<Position> open(@Valid @RequestBody NewPosition body) {
    if (new HashSet<>(body.cohortStartDates()).size() != body.cohortStartDates().size()) {
      throw DomainException.invalid("cohortStartDates", "must not repeat a date");
    }
    try {
      tx.executeWithoutResult(status -> positions.insert(body));
    } catch (DuplicateKeyException e) {
      throw DomainException.conflict(
          "position-exists", "Position exists", "A position with id " + body.id() + " exists already.");
    }
    Position created = positions.findById(body.id()).orElseThrow();
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/positions/" + created.id()))
        .body(created);
  }
}
