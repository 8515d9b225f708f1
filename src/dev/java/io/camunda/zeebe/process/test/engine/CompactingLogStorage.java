package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The embedded engine's log, in memory, that lets go of what the engine has processed. ZPT's
 * log keeps every record for its assertions (about 60 KB of heap per application ever started);
 * the embedded service reads no history from the engine (its audit trail is its own), and with
 * state in RocksDB the stream processor never replays, so processed blocks serve no reader.
 *
 * <p>It extends ZPT's in-memory log only so that ZPT's idle monitor accepts it; none of the
 * parent's storage is used. Readers keep their place by block position, so dropping blocks
 * behind them does not disturb them.
 */
final class CompactingLogStorage extends InMemoryLogStorage {

  /** Blocks by their lowest record position. */
  private final ConcurrentSkipListMap<Long, Block> blocks = new ConcurrentSkipListMap<>();
  private final Set<CommitListener> commitListeners = ConcurrentHashMap.newKeySet();
  private final AtomicLong appended = new AtomicLong();

  private record Block(ByteBuffer content, long highestPosition) {}

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void append(long lowestPosition, long highestPosition, BufferWriter writer, AppendListener listener) {
    ByteBuffer content = ByteBuffer.allocate(writer.getLength());
    writer.write(new UnsafeBuffer(content), 0);
    append(lowestPosition, highestPosition, content, listener);
  }

  @Override
  public void append(long lowestPosition, long highestPosition, ByteBuffer content, AppendListener listener) {
    blocks.put(lowestPosition, new Block(content, highestPosition));
    long index = appended.incrementAndGet();
    listener.onWrite(index, highestPosition);
    listener.onCommit(index, highestPosition);
    commitListeners.forEach(CommitListener::onCommit);
  }

  @Override
  public void addCommitListener(CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(CommitListener listener) {
    commitListeners.remove(listener);
  }

  /** Drops every block whose records all lie below {@code position}; returns how many. */
  int dropBelow(long position) {
    int dropped = 0;
    for (Map.Entry<Long, Block> first = blocks.firstEntry();
        first != null && first.getValue().highestPosition() < position;
        first = blocks.firstEntry()) {
      blocks.remove(first.getKey());
      dropped++;
    }
    return dropped;
  }

  /** How many blocks the log holds now. */
  int blocks() {
    return blocks.size();
  }

  private final class Reader implements LogStorageReader {

    private long next = Long.MIN_VALUE;

    @Override
    public void seek(long position) {
      // Start at the block before the position (the log stream reader scans forward within
      // it), or at the oldest block kept.
      Long before = blocks.lowerKey(position);
      next = before == null ? Long.MIN_VALUE : before;
    }

    @Override
    public boolean hasNext() {
      return blocks.ceilingKey(next) != null;
    }

    @Override
    public DirectBuffer next() {
      Map.Entry<Long, Block> block = blocks.ceilingEntry(next);
      if (block == null) {
        throw new NoSuchElementException();
      }
      next = block.getKey() + 1;
      return new UnsafeBuffer(block.getValue().content());
    }

    @Override
    public void close() {}
  }
}
