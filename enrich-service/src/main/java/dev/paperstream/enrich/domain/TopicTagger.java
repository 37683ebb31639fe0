package dev.paperstream.enrich.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Assigns topics to a paper from weighted phrases (see {@link TopicRules}), a topic's learned linear model over
 * its rules' verdict and the paper's words (see {@link TopicModel}), and a topic's example papers. One pass over the words of title and
 * abstract: each word walks a character trie of all rule words (so prefix terms cost nothing extra), and each word
 * that starts a phrase checks the following words. A phrase counts fully once, half for a few repeats, boosted in
 * the title, and a fifth when the text only names it in passing ("unlike RLHF", "without LoRA", "tool-free").
 * A topic is assigned when its evidence reaches the topic's threshold, includes at least one distinctive phrase,
 * and either names the topic in the title or is not far weaker than the paper's strongest topic. The score maps evidence to [0, 1]: 0.5 at the threshold,
 * 0.75 at twice the threshold.
 * A topic with a model is also assigned where its model gives even odds or better (the score is then the larger of
 * the two); a model that decides alone assigns its topic at even odds or better only. A topic with example
 * papers is also assigned when the paper covers enough of the examples' distinctive words.
 * Model terms and example words are matched by the same trie in the same pass, so tagging stays linear in the text.
 * Immutable and thread-safe; build a new one when the rules change.
 */
public final class TopicTagger {

    private static final Set<String> PASSING_BEFORE = Set.of(
            "unlike", "without", "beyond", "instead", "rather", "than", "except", "no", "not", "nor", "non",
            "versus", "vs", "besides");
    private static final Set<String> PASSING_AFTER = Set.of("free", "agnostic");
    private static final int LOOKBACK = 3;
    private static final double PASSING_FACTOR = 0.2;
    private static final double REPEAT_FACTOR = 0.5;
    private static final int MAX_COUNTED_OCCURRENCES = 4;
    private static final int MAX_EVIDENCE = 5;
    /** A topic needs at least one distinctive phrase (this weight or more, not in passing), not only weak words. */
    private static final double ANCHOR_WEIGHT = 1.0;
    /** Topics far weaker than the paper's strongest one are side remarks, not main subjects. */
    private static final double RELATIVE_CUTOFF = 0.4;
    /**
     * Share of a topic's example words (each weighted by the share of examples using it) a paper must contain to be
     * like the examples; chosen on the training papers by giving each topic five of its papers as examples.
     */
    static final double EXAMPLE_COVERAGE = 0.2;
    private static final int RULE = 0;
    private static final int MODEL = 1;
    private static final int EXAMPLE = 2;

    private final Topic[] topics;
    private final TopicModel[] models;
    /** Per topic, the summed weights of its example words; 0 for a topic without examples. */
    private final double[] exampleMass;
    private final WordTrie trie = new WordTrie();
    /** Suffix words ({@code *bench}) are few, so each text word is simply compared with all of them. */
    private final List<Suffix> suffixes = new ArrayList<>();
    private final Phrase[] phrases;
    private final int[][] phrasesByFirstWord;
    private final boolean[] passingBefore;
    private final boolean[] passingAfter;
    private final ThreadLocal<Scratch> scratch;

    public TopicTagger(List<Topic> taxonomy) {
        this.topics = taxonomy.toArray(Topic[]::new);
        this.models = new TopicModel[topics.length];
        this.exampleMass = new double[topics.length];
        List<Phrase> all = new ArrayList<>();
        for (int t = 0; t < topics.length; t++) {
            for (Map.Entry<String, Double> term : topics[t].rules().signedTerms().entrySet()) {
                all.add(new Phrase(t, RULE, term.getValue(), compile(term.getKey()), null));
            }
            models[t] = topics[t].rules().model();
            if (models[t] != null) {
                for (Map.Entry<String, Double> term : models[t].terms().entrySet()) {
                    all.add(new Phrase(t, MODEL, term.getValue(), compile(term.getKey()), null));
                }
            }
            for (ExampleWords.Word word : ExampleWords.of(topics[t].examples())) {
                all.add(new Phrase(t, EXAMPLE, word.weight(), compile(word.word()), word.examples()));
                exampleMass[t] += word.weight();
            }
        }
        for (String cue : PASSING_BEFORE) {
            trie.add(cue, false);
        }
        for (String cue : PASSING_AFTER) {
            trie.add(cue, false);
        }
        this.phrases = all.toArray(Phrase[]::new);
        int words = trie.wordCount();
        this.passingBefore = new boolean[words];
        this.passingAfter = new boolean[words];
        PASSING_BEFORE.forEach(cue -> passingBefore[trie.idOf(cue, false)] = true);
        PASSING_AFTER.forEach(cue -> passingAfter[trie.idOf(cue, false)] = true);
        Map<Integer, List<Integer>> byFirst = new HashMap<>();
        for (int p = 0; p < phrases.length; p++) {
            byFirst.computeIfAbsent(phrases[p].words[0], k -> new ArrayList<>()).add(p);
        }
        this.phrasesByFirstWord = new int[words][];
        byFirst.forEach((word, list) -> phrasesByFirstWord[word] = list.stream().mapToInt(Integer::intValue).toArray());
        int phraseCount = phrases.length;
        int topicCount = topics.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(phraseCount, topicCount));
    }

    public List<Topic> topics() {
        return List.of(topics);
    }

    /** Each topic's display name by its slug, as events name the topics of a paper. */
    public Map<String, String> topicNames() {
        Map<String, String> names = new HashMap<>();
        for (Topic topic : topics) {
            names.put(topic.slug(), topic.name());
        }
        return names;
    }

    /** The topics of a paper, best first; empty when nothing fits. */
    public List<TopicMatch> tag(String title, String abstractText) {
        Scratch s = scan(title, abstractText);
        boolean[] byRules = ruleVerdicts(s);
        List<TopicMatch> matches = new ArrayList<>();
        for (int t = 0; t < topics.length; t++) {
            double score = byRules[t] ? score(t, s) : 0;
            if (models[t] != null) {
                double probability = 1 / (1 + Math.exp(-logit(t, byRules[t], s)));
                score = models[t].decides() ? probability : Math.max(score, probability);
            }
            boolean likeExamples = exampleMass[t] > 0 && s.exampleSum[t] >= EXAMPLE_COVERAGE * exampleMass[t];
            if (likeExamples && score < 0.5) {
                score = 1 - Math.pow(0.5, s.exampleSum[t] / (EXAMPLE_COVERAGE * exampleMass[t]));
            }
            if (score >= 0.5) {
                List<String> evidence = evidence(t, s, likeExamples);
                if (!evidence.isEmpty()) {
                    matches.add(new TopicMatch(topics[t].slug(), Math.round(score * 1000) / 1000.0, evidence));
                }
            }
        }
        matches.sort(Comparator.comparingDouble(TopicMatch::score).reversed().thenComparing(TopicMatch::slug));
        return matches;
    }

    /** What the phrase rules alone say of each topic, in taxonomy order; what a model is trained beside. */
    public record RuleVerdicts(double[] strength, boolean[] assigned) {
    }

    public RuleVerdicts ruleVerdicts(String title, String abstractText) {
        Scratch s = scan(title, abstractText);
        double[] strength = new double[topics.length];
        for (int t = 0; t < topics.length; t++) {
            strength[t] = ruleStrength(t, s);
        }
        return new RuleVerdicts(strength, ruleVerdicts(s));
    }

    private Scratch scan(String title, String abstractText) {
        Scratch s = scratch.get();
        s.reset();
        scan(TextTokens.of(title), true, s);
        scan(TextTokens.of(abstractText), false, s);
        for (int slot = 0; slot < s.touched; slot++) {
            Phrase phrase = phrases[s.phraseAt[slot]];
            if (phrase.kind == MODEL) {
                double x = (s.titleHits[slot] > 0 ? 1 : 0) + (s.abstractHits[slot] > 0 ? 1 : 0);
                s.contribution[slot] = phrase.weight * x;
                s.modelSum[phrase.topic] += s.contribution[slot];
            } else if (phrase.kind == EXAMPLE) {
                s.contribution[slot] = phrase.weight;
                s.exampleSum[phrase.topic] += phrase.weight;
            }
        }
        return s;
    }

    private boolean[] ruleVerdicts(Scratch s) {
        double best = 0;
        for (int t = 0; t < topics.length; t++) {
            best = Math.max(best, s.raw[t]);
        }
        boolean[] assigned = new boolean[topics.length];
        for (int t = 0; t < topics.length; t++) {
            boolean mainSubject = s.titleAnchored[t] || s.raw[t] >= best * RELATIVE_CUTOFF;
            assigned[t] = s.anchored[t] && s.raw[t] >= topics[t].rules().threshold() && mainSubject;
        }
        return assigned;
    }

    private double ruleStrength(int topic, Scratch s) {
        return Math.min(Math.max(s.raw[topic], 0) / topics[topic].rules().threshold(), TopicModel.MAX_RULE_STRENGTH);
    }

    private double logit(int topic, boolean byRules, Scratch s) {
        TopicModel model = models[topic];
        return model.bias() + (byRules ? model.ruleMatch() : 0) + model.ruleStrength() * ruleStrength(topic, s)
                + s.modelSum[topic];
    }

    private double score(int topic, Scratch s) {
        return s.raw[topic] <= 0 ? 0 : 1 - Math.pow(0.5, s.raw[topic] / topics[topic].rules().threshold());
    }

    private void scan(TextTokens tokens, boolean title, Scratch s) {
        int n = tokens.size();
        s.prepare(n);
        String text = tokens.text();
        for (int i = 0; i < n; i++) {
            s.idStart[i] = s.poolSize;
            trie.match(text, tokens.start(i), tokens.end(i), s);
            if (!suffixes.isEmpty()) {
                matchSuffixes(text, tokens.start(i), tokens.end(i), s);
            }
        }
        s.idStart[n] = s.poolSize;
        for (int i = 0; i < n; i++) {
            for (int k = s.idStart[i]; k < s.idStart[i + 1]; k++) {
                int[] candidates = phrasesByFirstWord[s.pool[k]];
                if (candidates == null) {
                    continue;
                }
                for (int p : candidates) {
                    int last = i + phrases[p].words.length - 1;
                    if (last < n && matchesFrom(phrases[p], i, s)) {
                        count(p, i, last, tokens, title, s);
                    }
                }
            }
        }
    }

    private void matchSuffixes(String text, int start, int end, Scratch s) {
        char last = Character.toLowerCase(text.charAt(end - 1));
        for (Suffix suffix : suffixes) {
            int length = suffix.word.length();
            if (suffix.word.charAt(length - 1) == last && end - start >= length
                    && text.regionMatches(true, end - length, suffix.word, 0, length)) {
                s.addId(suffix.id);
            }
        }
    }

    private static boolean matchesFrom(Phrase phrase, int first, Scratch s) {
        for (int w = 1; w < phrase.words.length; w++) {
            if (!s.has(first + w, phrase.words[w])) {
                return false;
            }
        }
        return true;
    }

    private void count(int p, int first, int last, TextTokens tokens, boolean title, Scratch s) {
        Phrase phrase = phrases[p];
        int slot = s.slotOf(p);
        if (phrase.kind != RULE) {
            if (title) {
                s.titleHits[slot]++;
            } else {
                s.abstractHits[slot]++;
            }
            remember(slot, first, last, tokens, s);
            return;
        }
        double factor;
        if (title) {
            factor = s.titleHits[slot]++ == 0 ? topics[phrase.topic].rules().titleBoost() : 0;
        } else {
            int seen = s.abstractHits[slot]++;
            factor = seen >= MAX_COUNTED_OCCURRENCES ? 0 : seen == 0 ? 1 : REPEAT_FACTOR;
        }
        if (phrase.weight > 0 && inPassing(first, last, tokens.size(), s)) {
            factor *= PASSING_FACTOR;
        }
        double contribution = phrase.weight * factor;
        s.raw[phrase.topic] += contribution;
        if (phrase.weight >= ANCHOR_WEIGHT && factor >= 1) {
            s.anchored[phrase.topic] = true;
            s.titleAnchored[phrase.topic] |= title;
        }
        s.contribution[slot] += contribution;
        if (phrase.weight > 0) {
            remember(slot, first, last, tokens, s);
        }
    }

    private static void remember(int slot, int first, int last, TextTokens tokens, Scratch s) {
        if (s.evidenceText[slot] == null) {
            s.evidenceText[slot] = tokens.text();
            s.evidenceStart[slot] = tokens.start(first);
            s.evidenceEnd[slot] = tokens.end(last);
        }
    }

    private boolean inPassing(int first, int last, int n, Scratch s) {
        for (int i = Math.max(0, first - LOOKBACK); i < first; i++) {
            if (s.hasFlag(i, passingBefore)) {
                return true;
            }
        }
        return last + 1 < n && s.hasFlag(last + 1, passingAfter);
    }

    /**
     * The phrases that decided a topic as written in the text, strongest first: rule phrases, then the words the model
     * weighs most, then, when the paper is like the topic's examples, the nearest example and the shared words.
     */
    private List<String> evidence(int topic, Scratch s, boolean likeExamples) {
        Integer[] slots = new Integer[s.touched];
        int count = 0;
        for (int slot = 0; slot < s.touched; slot++) {
            Phrase phrase = phrases[s.phraseAt[slot]];
            boolean counts = phrase.kind != EXAMPLE || likeExamples;
            if (phrase.topic == topic && counts && s.evidenceText[slot] != null && s.contribution[slot] > 0) {
                slots[count++] = slot;
            }
        }
        Arrays.sort(slots, 0, count, Comparator.comparingInt((Integer slot) -> phrases[s.phraseAt[slot]].kind)
                .thenComparing(Comparator.comparingDouble((Integer slot) -> s.contribution[slot]).reversed()));
        Set<String> phrasesSeen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        if (likeExamples) {
            out.add("like example: " + nearestExample(topic, slots, count, s));
        }
        for (int i = 0; i < count && out.size() < MAX_EVIDENCE; i++) {
            int slot = slots[i];
            String quote = s.evidenceText[slot].substring(s.evidenceStart[slot], s.evidenceEnd[slot]);
            if (phrasesSeen.add(quote.toLowerCase(Locale.ROOT))) {
                out.add(quote);
            }
        }
        return out;
    }

    /** The example sharing the largest share of its words with the paper. */
    private String nearestExample(int topic, Integer[] slots, int count, Scratch s) {
        List<TopicExample> examples = topics[topic].examples();
        int[] shared = new int[examples.size()];
        for (int i = 0; i < count; i++) {
            Phrase phrase = phrases[s.phraseAt[slots[i]]];
            if (phrase.kind == EXAMPLE) {
                for (int e : phrase.examples) {
                    shared[e]++;
                }
            }
        }
        int[] size = ExampleWords.sizes(examples);
        int nearest = 0;
        for (int e = 1; e < shared.length; e++) {
            if (shared[e] * (long) size[nearest] > shared[nearest] * (long) size[e]) {
                nearest = e;
            }
        }
        return examples.get(nearest).title();
    }

    private int[] compile(String term) {
        TextTokens tokens = TextTokens.of(term);
        int[] words = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            boolean prefix = tokens.end(i) < term.length() && term.charAt(tokens.end(i)) == '*';
            boolean suffix = tokens.start(i) > 0 && term.charAt(tokens.start(i) - 1) == '*';
            if (suffix) {
                words[i] = suffixId(tokens.word(i));
            } else {
                words[i] = trie.add(tokens.word(i), prefix);
            }
        }
        return words;
    }

    private int suffixId(String word) {
        for (Suffix known : suffixes) {
            if (known.word.equals(word)) {
                return known.id;
            }
        }
        Suffix suffix = new Suffix(word, trie.reserveId("~" + word));
        suffixes.add(suffix);
        return suffix.id;
    }

    /** A phrase of one topic: a rule term, a model term or an example word ({@code examples}: which examples use it). */
    private record Phrase(int topic, int kind, double weight, int[] words, int[] examples) {
    }

    private record Suffix(String word, int id) {
    }

    /** Per-thread working memory, so tagging allocates only its result. */
    static final class Scratch {
        final double[] raw;
        final double[] modelSum;
        final double[] exampleSum;
        final boolean[] anchored;
        final boolean[] titleAnchored;
        final int[] slotByPhrase;
        int[] phraseAt = new int[64];
        int[] titleHits = new int[64];
        int[] abstractHits = new int[64];
        double[] contribution = new double[64];
        String[] evidenceText = new String[64];
        int[] evidenceStart = new int[64];
        int[] evidenceEnd = new int[64];
        int touched;
        int[] idStart = new int[512];
        int[] pool = new int[512];
        int poolSize;

        Scratch(int phrases, int topics) {
            raw = new double[topics];
            modelSum = new double[topics];
            exampleSum = new double[topics];
            anchored = new boolean[topics];
            titleAnchored = new boolean[topics];
            slotByPhrase = new int[phrases];
            Arrays.fill(slotByPhrase, -1);
        }

        void reset() {
            Arrays.fill(raw, 0);
            Arrays.fill(modelSum, 0);
            Arrays.fill(exampleSum, 0);
            Arrays.fill(anchored, false);
            Arrays.fill(titleAnchored, false);
            for (int slot = 0; slot < touched; slot++) {
                slotByPhrase[phraseAt[slot]] = -1;
                titleHits[slot] = 0;
                abstractHits[slot] = 0;
                contribution[slot] = 0;
                evidenceText[slot] = null;
            }
            touched = 0;
        }

        void prepare(int tokens) {
            if (idStart.length < tokens + 1) {
                idStart = new int[tokens * 2 + 1];
            }
            poolSize = 0;
        }

        void addId(int id) {
            if (poolSize == pool.length) {
                pool = Arrays.copyOf(pool, pool.length * 2);
            }
            pool[poolSize++] = id;
        }

        boolean has(int token, int id) {
            for (int k = idStart[token]; k < idStart[token + 1]; k++) {
                if (pool[k] == id) {
                    return true;
                }
            }
            return false;
        }

        boolean hasFlag(int token, boolean[] flags) {
            for (int k = idStart[token]; k < idStart[token + 1]; k++) {
                if (flags[pool[k]]) {
                    return true;
                }
            }
            return false;
        }

        int slotOf(int phrase) {
            int slot = slotByPhrase[phrase];
            if (slot >= 0) {
                return slot;
            }
            if (touched == phraseAt.length) {
                int size = touched * 2;
                phraseAt = Arrays.copyOf(phraseAt, size);
                titleHits = Arrays.copyOf(titleHits, size);
                abstractHits = Arrays.copyOf(abstractHits, size);
                contribution = Arrays.copyOf(contribution, size);
                evidenceText = Arrays.copyOf(evidenceText, size);
                evidenceStart = Arrays.copyOf(evidenceStart, size);
                evidenceEnd = Arrays.copyOf(evidenceEnd, size);
            }
            slot = touched++;
            slotByPhrase[phrase] = slot;
            phraseAt[slot] = phrase;
            return slot;
        }
    }

    /**
     * All rule words in one character trie over a-z and 0-9. A word is either exact or a prefix ({@code adapt*});
     * matching a text word collects every prefix passed and the exact word at its end.
     */
    private static final class WordTrie {
        private static final int ALPHABET = 36;
        private int[] next = new int[ALPHABET * 256];
        private int[] exact = filled(256);
        private int[] prefix = filled(256);
        private int nodes = 1;
        private final Map<String, Integer> ids = new HashMap<>();

        int add(String word, boolean isPrefix) {
            String key = (isPrefix ? "*" : "=") + word;
            Integer known = ids.get(key);
            if (known != null) {
                return known;
            }
            int node = 0;
            for (int i = 0; i < word.length(); i++) {
                int c = index(word.charAt(i));
                if (c < 0) {
                    throw new IllegalArgumentException("rule word '" + word + "' may contain only a-z and 0-9");
                }
                int child = next[node * ALPHABET + c];
                if (child == 0) {
                    child = newNode();
                    next[node * ALPHABET + c] = child;
                }
                node = child;
            }
            int id = ids.size();
            ids.put(key, id);
            if (isPrefix) {
                prefix[node] = id;
            } else {
                exact[node] = id;
            }
            return id;
        }

        /** An id for a word matched outside the trie. */
        int reserveId(String key) {
            return ids.computeIfAbsent(key, k -> ids.size());
        }

        int idOf(String word, boolean isPrefix) {
            return ids.get((isPrefix ? "*" : "=") + word);
        }

        int wordCount() {
            return ids.size();
        }

        void match(String text, int start, int end, Scratch s) {
            int node = 0;
            for (int i = start; i < end; i++) {
                int c = index(Character.toLowerCase(text.charAt(i)));
                node = c < 0 ? 0 : next[node * ALPHABET + c];
                if (node == 0) {
                    return;
                }
                if (prefix[node] >= 0) {
                    s.addId(prefix[node]);
                }
            }
            if (exact[node] >= 0) {
                s.addId(exact[node]);
            }
        }

        private int newNode() {
            if (nodes == exact.length) {
                int size = nodes * 2;
                next = Arrays.copyOf(next, size * ALPHABET);
                exact = grow(exact, size);
                prefix = grow(prefix, size);
            }
            return nodes++;
        }

        private static int index(char c) {
            if (c >= 'a' && c <= 'z') {
                return c - 'a';
            }
            if (c >= '0' && c <= '9') {
                return 26 + c - '0';
            }
            return -1;
        }

        private static int[] filled(int size) {
            int[] a = new int[size];
            Arrays.fill(a, -1);
            return a;
        }

        private static int[] grow(int[] a, int size) {
            int old = a.length;
            int[] b = Arrays.copyOf(a, size);
            Arrays.fill(b, old, size, -1);
            return b;
        }
    }
}
