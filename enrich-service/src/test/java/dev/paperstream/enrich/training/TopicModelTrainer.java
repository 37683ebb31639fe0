package dev.paperstream.enrich.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.paperstream.enrich.domain.CommonWords;
import dev.paperstream.enrich.domain.LinkExtractor;
import dev.paperstream.enrich.domain.TextTokens;
import dev.paperstream.enrich.domain.Topic;
import dev.paperstream.enrich.domain.TopicModel;
import dev.paperstream.enrich.domain.TopicTagger;
import dev.paperstream.enrich.persistence.RulesJson;

/**
 * Trains each default topic's {@link TopicModel} on {@code eval/topics-real-train.jsonl} only, and writes the
 * taxonomy file with the models beside the phrase rules. Per topic: L2-regularised logistic regression over the
 * rules' verdict and strength and the words and word pairs of title and abstract (in at least
 * {@value #MIN_PAPERS} training papers, not {@link CommonWords}, each scaled by its rarity in the unlabelled corpus), then
 * the {@value #KEPT_TERMS} strongest words are kept and the model refitted on them. A topic with at least
 * {@value #PAPERS_TO_DECIDE} training papers gets a model that decides alone, a rarer one keeps rules or model. The
 * regularisation and the decision cut-off are chosen by 5-fold cross-validation on the training set, whose figures
 * (rules alone, words alone, both decided three ways) are printed. Deterministic: fixed fold seed, full-batch descent.
 * Not a test: run it with the command in the README.
 */
public final class TopicModelTrainer {

    static final int MIN_PAPERS = 3;
    static final int KEPT_TERMS = 250;
    /**
     * A topic with at least this many training papers gets a model that decides alone; with fewer, a model learns too
     * little of the topic to overrule its rules (set before measuring, not tuned), so rules or model assign it.
     */
    static final int PAPERS_TO_DECIDE = 15;
    private static final long SEED = 20261202L;
    private static final int FOLDS = 5;
    private static final int ITERATIONS = 600;
    private static final double STEP = 0.05;
    private static final double[] LAMBDAS = {1, 3};
    /** Lower decision cut-offs tried: few papers have any one topic, so even odds under-assign. */
    private static final double[] SHIFTS = {0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3};
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record Paper(Map<String, Double> words, double[] ruleStrength, boolean[] ruleAssigned, Set<String> topics) {
    }

    /** Rows of the design matrix: word feature ids and values, then the two rule features of each topic. */
    private record Data(int[][] ids, double[][] values, List<Paper> papers) {
    }

    private final List<Topic> topics;
    private final List<String> vocabulary;
    /** Per word, its feature scale: rarer words in the unlabelled corpus count more (see {@link #idf}). */
    private final double[] scale;
    private final Map<String, Integer> index = new HashMap<>();

    private TopicModelTrainer(List<Topic> topics, List<String> vocabulary, double[] scale) {
        this.topics = topics;
        this.vocabulary = vocabulary;
        this.scale = scale;
        for (int i = 0; i < vocabulary.size(); i++) {
            index.put(vocabulary.get(i), i);
        }
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../../shared");
        Path taxonomy = Path.of(args.length > 1 ? args[1] : "src/main/resources/" + RulesJson.DEFAULT_TOPICS);
        JsonNode file = JSON.readTree(taxonomy.toFile());
        List<Topic> rulesOnly = new ArrayList<>();
        for (JsonNode t : file) {
            ObjectNode rules = ((ObjectNode) t.path("rules")).deepCopy();
            rules.remove("model");
            rulesOnly.add(new Topic(t.path("slug").asText(), t.path("name").asText(), "", RulesJson.rules(rules)));
        }
        TopicTagger rules = new TopicTagger(rulesOnly);
        List<Paper> papers = new ArrayList<>();
        for (String line : Files.readAllLines(shared.resolve("eval/topics-real-train.jsonl"))) {
            if (!line.isBlank()) {
                papers.add(paper(JSON.readTree(line), rules));
            }
        }
        Map<String, Integer> df = new HashMap<>();
        papers.forEach(p -> p.words().keySet().forEach(w -> df.merge(w, 1, Integer::sum)));
        List<String> vocabulary = new ArrayList<>(new TreeSet<>(df.keySet()).stream().filter(w -> df.get(w) >= MIN_PAPERS).toList());
        Corpus corpus = corpus(shared.resolve("corpus/arxiv-listings"));
        double[] scale = vocabulary.stream().mapToDouble(w -> idf(corpus, w)).toArray();
        TopicModelTrainer trainer = new TopicModelTrainer(rulesOnly, vocabulary, scale);
        System.out.printf("%d training papers, %d topics, %d words and word pairs%n", papers.size(), rulesOnly.size(),
                vocabulary.size());
        Choice choice = trainer.crossValidate(papers);
        boolean[] decides = trainer.decides(papers);
        List<TopicModel> fitted = trainer.fit(papers, choice.lambda());
        List<TopicModel> models = new ArrayList<>();
        for (int t = 0; t < fitted.size(); t++) {
            TopicModel m = fitted.get(t);
            models.add(new TopicModel(round(m.bias() + choice.shift()), m.ruleMatch(), m.ruleStrength(), m.terms(),
                    decides[t]));
        }
        for (int t = 0; t < rulesOnly.size(); t++) {
            ObjectNode rulesNode = (ObjectNode) file.get(t).path("rules");
            rulesNode.remove("model");
            rulesNode.set("model", RulesJson.toJson(new dev.paperstream.enrich.domain.TopicRules(Map.of(), 1, 0,
                    models.get(t))).get("model"));
        }
        JSON.writeValue(taxonomy.toFile(), file);
        System.out.println("wrote " + taxonomy + " with models trained at " + choice);
    }

    /** How many of the unlabelled corpus papers use each word or word pair. */
    private record Corpus(int papers, Map<String, Integer> df) {
    }

    private static Corpus corpus(Path listings) throws IOException {
        Map<String, Integer> df = new HashMap<>();
        int papers = 0;
        List<Path> days;
        try (var files = Files.list(listings)) {
            days = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path day : days) {
            for (String line : Files.readAllLines(day)) {
                if (!line.isBlank()) {
                    JsonNode json = JSON.readTree(line);
                    Map<String, Double> words = new HashMap<>();
                    addWords(json.path("title").asText(), words);
                    addWords(LinkExtractor.blankUrls(json.path("abstract").asText()), words);
                    words.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
                    papers++;
                }
            }
        }
        return new Corpus(papers, df);
    }

    /**
     * Inverse document frequency in the unlabelled corpus, scaled to 2 for a word no corpus paper uses: the common
     * words of ML abstracts weigh less, so the same regularisation lets the distinctive ones speak. Folded into the
     * exported weights, so the tagger still counts each word 1 per field.
     */
    private static double idf(Corpus corpus, String word) {
        return 2 * Math.log((corpus.papers() + 1.0) / (corpus.df().getOrDefault(word, 0) + 1.0))
                / Math.log(corpus.papers() + 1.0);
    }

    private static Paper paper(JsonNode json, TopicTagger rules) {
        String title = json.path("title").asText();
        String abstractText = json.path("abstract").asText();
        String prose = abstractText.contains("://") ? LinkExtractor.blankUrls(abstractText) : abstractText;
        Map<String, Double> words = new HashMap<>();
        addWords(title, words);
        addWords(prose, words);
        TopicTagger.RuleVerdicts verdicts = rules.ruleVerdicts(title, prose);
        Set<String> labels = new TreeSet<>();
        json.path("topics").forEach(t -> labels.add(t.asText()));
        return new Paper(words, verdicts.strength(), verdicts.assigned(), labels);
    }

    /** Each word or word pair counts 1 for being in a field, so one in both title and abstract counts 2. */
    private static void addWords(String text, Map<String, Double> into) {
        TextTokens tokens = TextTokens.of(text);
        Set<String> here = new TreeSet<>();
        String previous = null;
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.text().substring(tokens.start(i), tokens.end(i)).toLowerCase(Locale.ROOT);
            boolean usable = word.chars().allMatch(c -> c < 128) && !CommonWords.isCommon(word)
                    && !word.chars().allMatch(Character::isDigit) && word.length() >= 2;
            if (usable) {
                here.add(word);
                if (previous != null) {
                    here.add(previous + " " + word);
                }
            }
            previous = usable ? word : null;
        }
        here.forEach(w -> into.merge(w, 1.0, Double::sum));
    }

    private Data data(List<Paper> papers) {
        int[][] ids = new int[papers.size()][];
        double[][] values = new double[papers.size()][];
        for (int i = 0; i < papers.size(); i++) {
            List<Map.Entry<Integer, Double>> row = new ArrayList<>();
            for (Map.Entry<String, Double> w : papers.get(i).words().entrySet()) {
                Integer id = index.get(w.getKey());
                if (id != null) {
                    row.add(Map.entry(id, w.getValue() * scale[id]));
                }
            }
            ids[i] = row.stream().mapToInt(Map.Entry::getKey).toArray();
            values[i] = row.stream().mapToDouble(Map.Entry::getValue).toArray();
        }
        return new Data(ids, values, papers);
    }

    /** The regularisation and the decision cut-off chosen by cross-validation. */
    private record Choice(double lambda, double shift) {
    }

    /** Which topics have enough training papers for their model to decide alone. */
    private boolean[] decides(List<Paper> papers) {
        boolean[] decides = new boolean[topics.size()];
        for (int t = 0; t < topics.size(); t++) {
            String slug = topics.get(t).slug();
            decides[t] = papers.stream().filter(p -> p.topics().contains(slug)).count() >= PAPERS_TO_DECIDE;
        }
        return decides;
    }

    /**
     * Micro-F1 over the folds, for each regularisation and cut-off, of rules alone, words alone, and rules and words
     * decided three ways: rules or model (every topic), model alone (every topic), and as shipped (model alone for
     * topics with enough papers, rules or model for the others); returns the best as shipped.
     */
    private Choice crossValidate(List<Paper> papers) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(SEED));
        Choice best = null;
        double bestF1 = -1;
        int[] rules = new int[3];
        for (int i = 0; i < papers.size(); i++) {
            for (int t = 0; t < topics.size(); t++) {
                tally(rules, papers.get(i).ruleAssigned()[t], papers.get(i).topics().contains(topics.get(t).slug()));
            }
        }
        System.out.println("rules alone on the training papers: " + figures(rules));
        for (double lambda : LAMBDAS) {
            int[][] words = new int[SHIFTS.length][3];
            int[][] either = new int[SHIFTS.length][3];
            int[][] model = new int[SHIFTS.length][3];
            int[][] shipped = new int[SHIFTS.length][3];
            boolean[] none = new boolean[topics.size()];
            boolean[] all = new boolean[topics.size()];
            java.util.Arrays.fill(all, true);
            for (int fold = 0; fold < FOLDS; fold++) {
                List<Paper> train = new ArrayList<>();
                List<Paper> test = new ArrayList<>();
                for (int k = 0; k < order.size(); k++) {
                    (k % FOLDS == fold ? test : train).add(papers.get(order.get(k)));
                }
                evaluate(fit(train, lambda, false), test, all, words);
                List<TopicModel> both = fit(train, lambda, true);
                evaluate(both, test, none, either);
                evaluate(both, test, all, model);
                evaluate(both, test, decides(train), shipped);
            }
            for (int k = 0; k < SHIFTS.length; k++) {
                System.out.printf("lambda %.2f, cut-off %.1f below even odds, 5-fold: words alone %s; rules and words: "
                        + "rules or model %s, model alone %s, as shipped %s%n", lambda, SHIFTS[k], figures(words[k]),
                        figures(either[k]), figures(model[k]), figures(shipped[k]));
                if (f1(shipped[k]) > bestF1) {
                    bestF1 = f1(shipped[k]);
                    best = new Choice(lambda, SHIFTS[k]);
                }
            }
        }
        return best;
    }

    /** Tallies the models' verdicts on the test papers; where a topic's model does not decide, the rules' count too. */
    private void evaluate(List<TopicModel> models, List<Paper> test, boolean[] decides, int[][] counts) {
        for (Paper p : test) {
            for (int t = 0; t < topics.size(); t++) {
                TopicModel m = models.get(t);
                double logit = m.bias() + (p.ruleAssigned()[t] ? m.ruleMatch() : 0) + m.ruleStrength() * p.ruleStrength()[t];
                for (Map.Entry<String, Double> w : p.words().entrySet()) {
                    logit += m.terms().getOrDefault(w.getKey(), 0.0) * w.getValue();
                }
                for (int k = 0; k < SHIFTS.length; k++) {
                    boolean assigned = logit + SHIFTS[k] >= 0 || (!decides[t] && p.ruleAssigned()[t]);
                    tally(counts[k], assigned, p.topics().contains(topics.get(t).slug()));
                }
            }
        }
    }

    private List<TopicModel> fit(List<Paper> papers, double lambda) {
        return fit(papers, lambda, true);
    }

    private List<TopicModel> fit(List<Paper> papers, double lambda, boolean withRules) {
        Data data = data(papers);
        List<TopicModel> models = new ArrayList<>();
        for (int t = 0; t < topics.size(); t++) {
            double[] w = descend(data, t, lambda, withRules, null);
            List<Integer> kept = new ArrayList<>();
            for (int f = 0; f < vocabulary.size(); f++) {
                if (w[f + 3] != 0) {
                    kept.add(f);
                }
            }
            kept.sort(Comparator.comparingDouble((Integer f) -> -Math.abs(w[f + 3])));
            boolean[] allowed = new boolean[vocabulary.size()];
            kept.stream().limit(KEPT_TERMS).forEach(f -> allowed[f] = true);
            double[] refit = descend(data, t, lambda, withRules, allowed);
            Map<String, Double> terms = new LinkedHashMap<>();
            for (int f = 0; f < vocabulary.size(); f++) {
                if (allowed[f] && Math.abs(refit[f + 3]) >= 0.0005) {
                    terms.put(vocabulary.get(f), Math.round(refit[f + 3] * scale[f] * 10000) / 10000.0);
                }
            }
            models.add(new TopicModel(round(refit[0]), round(refit[1]), round(refit[2]), terms));
        }
        return models;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /**
     * Full-batch Adam on the summed logistic loss plus lambda/2 times the squared word and rule weights (the bias is
     * free and starts at the topic's prior log-odds). Weights: [bias, ruleMatch, ruleStrength, words...].
     */
    private double[] descend(Data data, int topic, double lambda, boolean withRules, boolean[] allowed) {
        int n = data.papers().size();
        int dims = vocabulary.size() + 3;
        double[] w = new double[dims];
        double[] g = new double[dims];
        double[] first = new double[dims];
        double[] second = new double[dims];
        String slug = topics.get(topic).slug();
        long positives = data.papers().stream().filter(p -> p.topics().contains(slug)).count();
        w[0] = Math.log((positives + 0.5) / (n - positives + 0.5));
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            java.util.Arrays.fill(g, 0);
            for (int i = 0; i < n; i++) {
                Paper p = data.papers().get(i);
                double match = withRules && p.ruleAssigned()[topic] ? 1 : 0;
                double strength = withRules ? Math.min(p.ruleStrength()[topic], TopicModel.MAX_RULE_STRENGTH) : 0;
                double z = w[0] + w[1] * match + w[2] * strength;
                int[] ids = data.ids()[i];
                double[] values = data.values()[i];
                for (int k = 0; k < ids.length; k++) {
                    z += w[ids[k] + 3] * values[k];
                }
                double err = 1 / (1 + Math.exp(-z)) - (p.topics().contains(slug) ? 1 : 0);
                g[0] += err;
                g[1] += err * match;
                g[2] += err * strength;
                for (int k = 0; k < ids.length; k++) {
                    g[ids[k] + 3] += err * values[k];
                }
            }
            for (int d = 0; d < dims; d++) {
                boolean free = d == 0;
                boolean off = (d >= 3 && allowed != null && !allowed[d - 3]) || (!withRules && (d == 1 || d == 2));
                if (off) {
                    w[d] = 0;
                    continue;
                }
                double grad = g[d] + (free ? 0 : lambda * w[d]);
                first[d] = 0.9 * first[d] + 0.1 * grad;
                second[d] = 0.999 * second[d] + 0.001 * grad * grad;
                double m = first[d] / (1 - Math.pow(0.9, iteration + 1));
                double v = second[d] / (1 - Math.pow(0.999, iteration + 1));
                w[d] -= STEP * m / (Math.sqrt(v) + 1e-8);
            }
        }
        return w;
    }

    private static void tally(int[] counts, boolean predicted, boolean expected) {
        counts[0] += predicted && expected ? 1 : 0;
        counts[1] += predicted && !expected ? 1 : 0;
        counts[2] += !predicted && expected ? 1 : 0;
    }

    private static double f1(int[] c) {
        return c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
    }

    private static String figures(int[] c) {
        return String.format("P %.3f R %.3f F1 %.3f", c[0] / (double) Math.max(1, c[0] + c[1]),
                c[0] / (double) Math.max(1, c[0] + c[2]), f1(c));
    }
}
