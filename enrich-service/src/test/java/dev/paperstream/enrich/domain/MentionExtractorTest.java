package dev.paperstream.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.paperstream.enrich.persistence.RulesJson;

class MentionExtractorTest {

    private final MentionExtractor extractor = new MentionExtractor(RulesJson.defaultMentions());

    @Test
    void spellingsOfOneModelNormalizeToFamilyAndSize() {
        assertThat(models("our Llama2-7b model")).containsExactly("llama-2 7b");
        assertThat(models("based on LLaMA-2 7B")).containsExactly("llama-2 7b");
        assertThat(models("we fine-tune Llama 2 on")).containsExactly("llama-2 ");
        assertThat(models("Llama 2-Chat 70B")).containsExactly("llama-2 70b");
        assertThat(models("LLaMA3.1-8B and Llama-3-8B-Instruct")).containsExactly("llama-3.1 8b", "llama-3 8b");
        assertThat(models("Qwen2.5-7B, Mixtral-8x7B and Mistral-7B")).containsExactly("qwen-2.5 7b", "mixtral 8x7b", "mistral 7b");
        assertThat(models("GPT-4o beats GPT-3.5 Turbo and GPT-4")).containsExactly("gpt-4o ", "gpt-3.5 ", "gpt-4 ");
        assertThat(models("T5 (Large), BERT, RoBERTa-Large, Gemma 2, OLMo 2, Vicuna-13B and LLaVA"))
                .containsExactly("t5 ", "bert ", "roberta ", "gemma-2 ", "olmo-2 ", "vicuna 13b", "llava ");
    }

    @Test
    void namesThatAreAlsoCommonWordsCountOnlyInTheirOwnCapitalisation() {
        assertThat(models("text encoders from CLIP; transcripts from Whisper")).containsExactly("clip ", "whisper ");
        assertThat(models("a ten-second audio clip; they whisper")).isEmpty();
    }

    @Test
    void namesGluedToOtherWordsAreOtherModels() {
        assertThat(models("Video-LLaMA, LLaMAntino and LS-LLaMA with a GPT-tutorbot")).isEmpty();
    }

    @Test
    void benchmarksAreFoundInTheirUsualSpellings() {
        List<Mention> mentions = extractor.extract("83.8 on GSM8K and 52.4 on MATH; MT-Bench, AlpacaEval 2.0, "
                + "ArenaHard, Arena-Hard, TACRED and ImageNet; the math of it does not count");
        assertThat(mentions).extracting(Mention::kind).containsOnly(Mention.BENCHMARK);
        assertThat(mentions).extracting(Mention::name)
                .containsExactly("gsm8k", "math", "mt-bench", "alpacaeval", "arena-hard", "tacred", "imagenet");
    }

    @Test
    void eachMentionKeepsTheWordsThatNamedIt() {
        assertThat(extractor.extract("with LLaMA-2 7B")).containsExactly(new Mention("model", "llama-2", "7b", "LLaMA-2 7B"));
    }

    private List<String> models(String text) {
        return extractor.extract(text).stream().filter(m -> m.kind().equals(Mention.MODEL))
                .map(m -> m.name() + " " + m.size()).toList();
    }
}
