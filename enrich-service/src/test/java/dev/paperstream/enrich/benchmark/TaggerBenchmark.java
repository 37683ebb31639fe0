package dev.paperstream.enrich.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.paperstream.enrich.domain.Enricher;
import dev.paperstream.enrich.domain.Enrichment;
import dev.paperstream.enrich.domain.MentionExtractor;
import dev.paperstream.enrich.domain.TopicMatch;
import dev.paperstream.enrich.domain.TopicTagger;
import dev.paperstream.enrich.persistence.RulesJson;
import dev.paperstream.enrich.support.SampleDigest;

/**
 * Abstracts per second on one core: topic tagging alone (the goal is 20,000) and the whole enrichment (topics,
 * links, mentions), over the 104 papers of the sample digest with the default taxonomy. Not a test: run it with
 * the command in the README.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TaggerBenchmark {

    private List<SampleDigest.Entry> entries;
    private TopicTagger tagger;
    private Enricher enricher;
    private int next;

    @Setup
    public void setUp() {
        entries = SampleDigest.entries();
        tagger = new TopicTagger(RulesJson.defaultTopics());
        enricher = new Enricher(tagger, new MentionExtractor(RulesJson.defaultMentions()));
    }

    @Benchmark
    public List<TopicMatch> tagTopics() {
        SampleDigest.Entry e = entries.get(next++ % entries.size());
        return tagger.tag(e.title(), e.abstractText());
    }

    @Benchmark
    public Enrichment enrichAll() {
        SampleDigest.Entry e = entries.get(next++ % entries.size());
        return enricher.enrich(e.title(), e.abstractText());
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(TaggerBenchmark.class.getName())
                .jvmArgsAppend("-Dpaperstream.shared.dir=" + SampleDigest.sharedDir().toAbsolutePath()).build()).run();
    }
}
