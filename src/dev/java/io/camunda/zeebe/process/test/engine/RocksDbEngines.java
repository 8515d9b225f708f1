package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;

/**
 * The embedded default's engine: Zeebe's engine and gateway as Zeebe Process Test wires them,
 * but with Zeebe's own RocksDB state store in a folder instead of ZPT's in-memory map. ZPT's map
 * copies itself on every prefix scan, so each command cost time in proportion to everything
 * open (measured: 12 applications/s at 1,000 open, 0.6/s at 4,000); RocksDB's cost stays flat.
 *
 * <p>Its log stays in memory but lets go of what the engine has processed ({@link
 * CompactingLogStorage}), so heap does not grow with every application ever started.
 *
 * <p>Dev-time code, on the test classpath only (the engine's licence is non-production). It
 * lives in ZPT's package because the parts it assembles (gateway, command writer, in-memory
 * log, response writer, job streamer) are package-private there: a ZPT upgrade that moves or
 * changes them fails this class's compilation, and {@code RocksDbEnginesTest} runs a process on
 * it, so such an upgrade cannot pass unnoticed. Everything else is ZPT's and Zeebe's public API.
 */
public final class RocksDbEngines {

  private static final int PARTITION = 1;
  private static final int PARTITIONS = 1;
  /** Processed records kept in the log as a margin behind the stream processor. */
  private static final long KEPT_BEHIND = 10_000;

  private RocksDbEngines() {}

  /**
   * An engine whose gRPC gateway listens on {@code host:port} and whose state lives in {@code
   * stateDirectory} (which must be empty: the log is in memory, so state from another run
   * would not match it). Not started.
   */
  public static ZeebeTestEngine create(String host, int port, Path stateDirectory) {
    ControlledActorClock clock = new ControlledActorClock();
    ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();

    CompactingLogStorage log = new CompactingLogStorage();
    LogStream logStream =
        LogStream.builder()
            .withPartitionId(PARTITION)
            .withLogStorage(log)
            .withClock(clock)
            .withMeterRegistry(new SimpleMeterRegistry())
            .build();

    CommandWriter commands = new CommandWriter(logStream.newLogStreamWriter());
    CommandSender interPartition = new CommandSender(commands);
    GatewayRequestStore requests = new GatewayRequestStore();
    InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commands);
    GrpcToLogStreamGateway gateway =
        new GrpcToLogStreamGateway(commands, PARTITION, PARTITIONS, port, requests, jobStreamer);
    Server grpc = NettyServerBuilder.forAddress(new InetSocketAddress(host, port)).addService(gateway).build();

    ZeebeDb<ZbColumnFamilies> state = rocksDb(stateDirectory);
    StreamProcessor processor =
        StreamProcessor.builder()
            .logStream(logStream)
            .zeebeDb(state)
            .commandResponseWriter(new GrpcResponseWriter(gateway, requests, null))
            .partitionCommandSender(interPartition)
            .recordProcessors(List.of(engine(interPartition, jobStreamer)))
            .actorSchedulingService(scheduler)
            .clock(new ControllableStreamClockImpl(clock))
            .meterRegistry(new SimpleMeterRegistry())
            .build();

    compactEverySecond(log, processor);
    return new InMemoryEngine(
        grpc,
        processor,
        gateway,
        state,
        logStream,
        scheduler,
        new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION),
        clock,
        new EngineStateMonitor(log, processor));
  }

  /**
   * Lets the log drop what the engine processed more than {@link #KEPT_BEHIND} records ago. Ends
   * by itself once the engine is closed.
   */
  private static void compactEverySecond(CompactingLogStorage log, StreamProcessor processor) {
    Timer timer = new Timer("embedded-engine-log-compaction", true);
    timer.schedule(
        new TimerTask() {
          @Override
          public void run() {
            try {
              if (processor.isClosed() || processor.isFailed()) {
                cancel();
                return;
              }
              if (processor.isOpened()) {
                log.dropBelow(processor.getLastProcessedPositionAsync().join() - KEPT_BEHIND);
              }
            } catch (RuntimeException closing) {
              cancel();
            }
          }
        },
        1_000,
        1_000);
  }

  private static ZeebeDb<ZbColumnFamilies> rocksDb(Path directory) {
    // The write-ahead log stays off (Zeebe's default): a restart starts from an empty folder.
    ZeebeRocksDbFactory<ZbColumnFamilies> factory =
        new ZeebeRocksDbFactory<>(
            new RocksDbConfiguration(),
            new ConsistencyChecksSettings(),
            new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION),
            SimpleMeterRegistry::new);
    return factory.createDb(directory.toFile());
  }

  private static Engine engine(CommandSender interPartition, InMemoryJobStreamer jobStreamer) {
    SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    return new Engine(
        context ->
            EngineProcessors.createEngineProcessors(
                context,
                PARTITIONS,
                new SubscriptionCommandSender(context.getPartitionId(), interPartition),
                interPartition,
                FeatureFlags.createDefault(),
                jobStreamer,
                SearchClientsProxy.noop(),
                new BrokerRequestAuthorizationConverter(security)),
        new EngineConfiguration(),
        security);
  }
}
