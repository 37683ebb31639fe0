package dev.paperstream.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.paperstream.enrich.persistence.RulesJson;

class TopicTaggerTest {

    private static final TopicTagger SMALL = new TopicTagger(List.of(
            topic("peft", Map.of("lora", 1.5, "low rank adaptation", 2.0, "adapter*", 0.6)),
            topic("alignment", Map.of("rlhf", 1.5, "preference*", 1.0)),
            new Topic("code", "code", "", new TopicRules(Map.of("code generation", 2.0, "code", 0.6),
                    Map.of("our code", 0.6), TopicRules.DEFAULT_THRESHOLD, TopicRules.DEFAULT_TITLE_BOOST, null))));

    private static final TopicTagger DEFAULTS = new TopicTagger(RulesJson.defaultTopics());

    @Test
    void aPhraseInTheTitleIsAMainSubject() {
        assertThat(slugs(SMALL.tag("LoRA for Everyone", "We study models."))).containsExactly("peft");
    }

    @Test
    void oneMentionInTheAbstractIsNotEnoughButRepeatsAndRelatedPhrasesAre() {
        assertThat(SMALL.tag("A Study", "We compare with LoRA.")).isEmpty();
        assertThat(slugs(SMALL.tag("A Study", "We extend LoRA. Our LoRA variant trains adapters."))).containsExactly("peft");
    }

    @Test
    void phrasesMatchAcrossHyphensAndCaseAndPrefixTermsMatchWordFamilies() {
        TopicMatch match = SMALL.tag("A Study", "Low-Rank Adaptation with adapters and adapter-based layers.").get(0);
        assertThat(match.slug()).isEqualTo("peft");
        assertThat(match.evidence()).containsExactly("Low-Rank Adaptation", "adapters");
        assertThat(SMALL.tag("A Study", "LOW RANK ADAPTATION")).extracting(TopicMatch::slug).containsExactly("peft");
    }

    @Test
    void suffixTermsMatchTheEndsOfWords() {
        TopicTagger tagger = new TopicTagger(List.of(topic("evaluation", Map.of("*bench", 1.0, "benchmark", 1.0))));
        TopicMatch match = tagger.tag("JudgeBench: Can Models Grade Code?", "A benchmark of review comments.").get(0);
        assertThat(match.slug()).isEqualTo("evaluation");
        assertThat(match.evidence()).containsExactly("JudgeBench", "benchmark");
        assertThat(tagger.tag("Benches in the Park", "Benchmarks aside, a workbench story.")).isEmpty();
    }

    @Test
    void passingMentionsCountLittle() {
        assertThat(SMALL.tag("Better Models", "Unlike RLHF, our method needs no preference data, unlike RLHF pipelines.")).isEmpty();
        assertThat(slugs(SMALL.tag("Better Models", "We improve RLHF with preference data."))).containsExactly("alignment");
    }

    @Test
    void phrasesAgainstATopicDiscountBoilerplate() {
        assertThat(SMALL.tag("A Parser", "Our code is available. Our code is on GitHub.")).isEmpty();
        assertThat(slugs(SMALL.tag("Better Code Generation", "We generate code."))).containsExactly("code");
    }

    @Test
    void sideRemarksNextToAStrongMainSubjectAreDropped() {
        List<TopicMatch> matches = SMALL.tag("LoRA Adapters: Low-Rank Adaptation at Scale",
                "LoRA and low-rank adaptation adapters, more LoRA. We also report preference scores twice: preference.");
        assertThat(slugs(matches)).containsExactly("peft");
    }

    @Test
    void scoresGrowWithEvidenceWithinZeroAndOne() {
        double weak = SMALL.tag("A Study", "We extend LoRA. Our LoRA variant.").get(0).score();
        double strong = SMALL.tag("LoRA", "Low-rank adaptation: LoRA, LoRA, adapters.").get(0).score();
        assertThat(weak).isBetween(0.5, 1.0);
        assertThat(strong).isGreaterThan(weak).isLessThanOrEqualTo(1.0);
    }

    @Test
    void defaultTaxonomyCoversPapersBeyondLanguageModels() {
        assertThat(slugs(DEFAULTS.tag("Diffusion Transformers for High-Resolution Image Synthesis",
                "We train a latent diffusion model for text-to-image generation and image editing, improving FID.")))
                .contains("generative-media");
        assertThat(slugs(DEFAULTS.tag("Learning Dexterous Manipulation from Human Videos",
                "A robot arm learns grasping policies in simulation and transfers them sim-to-real on a real robot.")))
                .contains("robotics");
        assertThat(slugs(DEFAULTS.tag("Real-Time Instance Segmentation with Sparse Queries",
                "Our detector improves object detection and instance segmentation on COCO with a convolutional backbone.")))
                .containsExactly("vision");
        assertThat(slugs(DEFAULTS.tag("WebArena Agents That Plan",
                "LLM agents call tools and APIs to navigate websites; our agent plans multi-step actions.")))
                .contains("agents-tools");
    }

    @Test
    void aTopicsModelDecidesFromTheRulesVerdictAndItsWordsAndNamesTheWords() {
        TopicModel model = new TopicModel(-3, 2, 0.5, Map.of("grasping", 2.0, "robot arm", 2.0, "simulation", -1.0));
        TopicTagger tagger = new TopicTagger(List.of(new Topic("robotics", "Robotics", "",
                new TopicRules(Map.of("robot*", 1.5), 2, 2.5, model))));
        TopicMatch match = tagger.tag("Learning to Grasp", "A robot arm learns grasping from human videos.").get(0);
        assertThat(match.slug()).isEqualTo("robotics");
        assertThat(match.evidence()).containsExactly("robot", "robot arm", "grasping");
        assertThat(match.score()).isEqualTo(0.798);
        assertThat(tagger.tag("Learning to Grasp", "Grasping in simulation.")).isEmpty();
    }

    @Test
    void aModelThatDecidesDropsWhatTheRulesAloneWouldAssignWhenItsWordsSpeakAgainst() {
        Map<String, Double> rules = Map.of("robot*", 1.5);
        Map<String, Double> words = Map.of("simulation", -3.0);
        TopicTagger deciding = new TopicTagger(List.of(new Topic("robotics", "Robotics", "",
                new TopicRules(rules, 2, 2.5, new TopicModel(-1, 2, 0, words, true)))));
        TopicTagger adding = new TopicTagger(List.of(new Topic("robotics", "Robotics", "",
                new TopicRules(rules, 2, 2.5, new TopicModel(-1, 2, 0, words, false)))));

        assertThat(slugs(adding.tag("Robot Arms", "We study robot arms in simulation."))).containsExactly("robotics");
        assertThat(deciding.tag("Robot Arms", "We study robot arms in simulation.")).isEmpty();
        TopicMatch match = deciding.tag("Robot Arms", "A robot arm lifts boxes.").get(0);
        assertThat(match.score()).as("the model's probability").isEqualTo(0.731);
        assertThat(match.evidence()).containsExactly("Robot");
    }

    @Test
    void aTopicWithOnlyExamplePapersTagsPapersLikeThemAndNamesTheNearest() {
        TopicTagger tagger = new TopicTagger(List.of(new Topic("cell-imaging", "Cell imaging", "",
                new TopicRules(Map.of(), 2, 2.5), List.of(
                        new TopicExample("Counting Cells in Microscopy Images", "Fluorescence microscopy of stained nuclei."),
                        new TopicExample("Segmenting Nuclei", "Microscopy nuclei segmentation in stained tissue.")))));
        TopicMatch match = tagger.tag("Nuclei in Fluorescence Microscopy", "We detect stained nuclei.").get(0);
        assertThat(match.slug()).isEqualTo("cell-imaging");
        assertThat(match.evidence()).first().isEqualTo("like example: Counting Cells in Microscopy Images");
        assertThat(match.evidence()).contains("Nuclei", "Microscopy");
        assertThat(tagger.tag("Translating Legal Contracts", "We translate contracts between languages.")).isEmpty();
    }

    @Test
    void rulesAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> new TopicRules(Map.of("ünï", 1.0), 2, 2.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicRules(Map.of("--", 1.0), 2, 2.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicRules(Map.of("x", 1.0), 0, 2.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicRules(Map.of("*bench*", 1.0), 2, 2.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Topic topic(String slug, Map<String, Double> terms) {
        return new Topic(slug, slug, "", new TopicRules(terms, 2.0, 2.5));
    }

    private static List<String> slugs(List<TopicMatch> matches) {
        return matches.stream().map(TopicMatch::slug).toList();
    }
}
