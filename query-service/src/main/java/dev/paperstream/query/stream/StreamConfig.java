package dev.paperstream.query.stream;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The live stream's settings ({@code paperstream.stream.*}, env {@code PAPERSTREAM_STREAM_*}). */
@ConfigMapping(prefix = "paperstream.stream")
public interface StreamConfig {

    /** Whether the service reads papers-enriched and serves GET /stream/papers. */
    @WithDefault("true")
    boolean enabled();

    /** The broker, as the other services name it. */
    @WithName("bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers();

    /** How often an idle connection gets a comment line, so proxies and clients know it is alive. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** How far back a Last-Event-ID is looked up (at least 24 hours; the topic's retention must cover it). */
    @WithName("resume-window")
    @WithDefault("PT25H")
    Duration resumeWindow();

    /**
     * Events a client may have unsent before it is disconnected (it resumes with Last-Event-ID, losing nothing):
     * a slow reader costs at most this many events of memory.
     */
    @WithName("client-buffer")
    @WithDefault("256")
    int clientBuffer();

    /** How long after its timestamp a record waits for earlier records of idle partitions (see MergedOrder). */
    @WithDefault("PT0.2S")
    Duration grace();

    /** Event ids remembered for fast resumes; older ones are found by reading the topic. */
    @WithName("remembered-ids")
    @WithDefault("100000")
    int rememberedIds();
}
