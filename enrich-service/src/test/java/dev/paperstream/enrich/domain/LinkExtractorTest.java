package dev.paperstream.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.paperstream.enrich.support.SampleDigest;

class LinkExtractorTest {

    private final LinkExtractor extractor = new LinkExtractor();

    @Test
    void sampleDigestHasThirtyNineDistinctLinksEachWithItsKindAndTarget() {
        Map<String, Link> found = new LinkedHashMap<>();
        for (SampleDigest.Entry entry : SampleDigest.entries()) {
            extractor.extract(entry.title(), entry.abstractText()).forEach(l -> found.put(l.url(), l));
        }
        List<String> actual = new ArrayList<>();
        found.values().forEach(l -> actual.add(l.url() + " " + l.kind().label() + " " + l.target()));
        assertThat(actual).containsExactlyInAnyOrder("""
                https://github.com/kriskrisliu/PAT_Pruning-Aware-Tuning code kriskrisliu/PAT_Pruning-Aware-Tuning
                https://github.com/shenao-zhang/SELM code shenao-zhang/SELM
                https://github.com/Improbable-AI/curiosity_redteam code Improbable-AI/curiosity_redteam
                https://liruiw.github.io/gensim project-page liruiw.github.io/gensim
                https://github.com/AlanAnsell/peft code AlanAnsell/peft
                https://github.com/ducdauge/sft-llm code ducdauge/sft-llm
                https://github.com/yule-BUAA/MergeLM code yule-BUAA/MergeLM
                https://github.com/linkedin/ControlLLM code linkedin/ControlLLM
                https://huggingface.co/ControlLLM organization ControlLLM
                https://huggingface.co/datasets/nvidia/HelpSteer2 dataset nvidia/HelpSteer2
                https://huggingface.co/nvidia/Llama-3.1-Nemotron-70B-Reward model nvidia/Llama-3.1-Nemotron-70B-Reward
                https://github.com/Macaronlin/LLaMA3-Quantization code Macaronlin/LLaMA3-Quantization
                https://huggingface.co/LLMQ organization LLMQ
                https://github.com/SLIT-AI/FuseChat-3.0 code SLIT-AI/FuseChat-3.0
                https://github.com/BIDS-Xu-Lab/Me-LLaMA code BIDS-Xu-Lab/Me-LLaMA
                https://github.com/GAIR-NLP/weak-to-strong-reasoning code GAIR-NLP/weak-to-strong-reasoning
                https://github.com/gersteinlab/Struc-Bench code gersteinlab/Struc-Bench
                https://github.com/ZrrSkywalker/LLaMA-Adapter code ZrrSkywalker/LLaMA-Adapter
                https://github.com/VITA-Group/welore code VITA-Group/welore
                https://showlab.github.io/videollm-online project-page showlab.github.io/videollm-online
                https://github.com/prateeky2806/compeft code prateeky2806/compeft
                https://github.com/myshell-ai/JetMoE code myshell-ai/JetMoE
                https://github.com/Outsider565/LoRA-GA code Outsider565/LoRA-GA
                https://huggingface.co/YiDuo1999/Llama-3-Physician-8B-Instruct model YiDuo1999/Llama-3-Physician-8B-Instruct
                https://github.com/google-research/distilling-step-by-step code google-research/distilling-step-by-step
                https://github.com/PhoenixZ810/MG-LLaVA code PhoenixZ810/MG-LLaVA
                https://github.com/zyxxmu/DSnoT code zyxxmu/DSnoT
                https://github.com/McGill-DMaS/DMaS-LLaMa-Lite-Training-Code code McGill-DMaS/DMaS-LLaMa-Lite-Training-Code
                https://huggingface.co/collections/McGill-DMaS/dmas-llama-lite-6761d97ba903f82341954ceb collection McGill-DMaS/dmas-llama-lite-6761d97ba903f82341954ceb
                https://nvlm-project.github.io project-page nvlm-project.github.io
                https://huggingface.co/swap-uniba/LLaMAntino-3-ANITA-8B-Inst-DPO-ITA model swap-uniba/LLaMAntino-3-ANITA-8B-Inst-DPO-ITA
                https://github.com/DAMO-NLP-SG/Video-LLaMA code DAMO-NLP-SG/Video-LLaMA
                https://github.com/FreedomIntelligence/ReaLM code FreedomIntelligence/ReaLM
                https://huggingface.co/PKU-Baichuan-MLSystemLab/Llama3-PBM-Nova-70B model PKU-Baichuan-MLSystemLab/Llama3-PBM-Nova-70B
                https://github.com/shufangxun/LLaVA-MoD code shufangxun/LLaVA-MoD
                https://huggingface.co/declare-lab/flacuna-13b-v1.0 model declare-lab/flacuna-13b-v1.0
                https://github.com/RUC-GSAI/Llama-3-SynE code RUC-GSAI/Llama-3-SynE
                https://github.com/kevinwu23/StanfordFineTuneBench code kevinwu23/StanfordFineTuneBench
                https://github.com/WeihuangLin/INF-LLaVA code WeihuangLin/INF-LLaVA
                """.strip().lines().map(String::strip).toArray(String[]::new));
    }

    @Test
    void trailingSentencePunctuationAndUnbalancedBracketsAreNotPartOfTheUrl() {
        assertThat(urls("Code: https://github.com/shenao-zhang/SELM. More text")).containsExactly("https://github.com/shenao-zhang/SELM");
        assertThat(urls("(see https://github.com/linkedin/ControlLLM) and")).containsExactly("https://github.com/linkedin/ControlLLM");
        assertThat(urls("at https://en.wikipedia.org/wiki/Mamba_(snake), then")).containsExactly("https://en.wikipedia.org/wiki/Mamba_(snake)");
        assertThat(urls("[https://example.org/a]; done")).containsExactly("https://example.org/a");
        assertThat(urls("is at https://example.org/x?!")).containsExactly("https://example.org/x");
    }

    @Test
    void urlsStopAtQuotesAngleAndCurlyBracketsAndBackslashes() {
        assertThat(urls("Code is at \\url{https://github.com/a/b}.")).containsExactly("https://github.com/a/b");
        assertThat(urls("\"https://github.com/a/b\" and <https://hf.co/c/d>")).containsExactly("https://github.com/a/b", "https://hf.co/c/d");
        assertThat(urls("https://github.com/a/b\\footnote")).containsExactly("https://github.com/a/b");
    }

    @Test
    void linksWrittenWithoutSchemeAreFoundButNamesAndEmailAddressesAreNot() {
        assertThat(urls("Code: github.com/owner/repo. Demo at www.example.org and team.github.io/project, "
                + "data on huggingface.co/datasets/org/set; details at lab.example.edu/~me/paper.html"))
                .containsExactly("https://github.com/owner/repo", "https://www.example.org", "https://team.github.io/project",
                        "https://huggingface.co/datasets/org/set", "https://lab.example.edu/~me/paper.html");
        assertThat(urls("Built on Node.js and llama.cpp, e.g. on arXiv.org or GitHub.com; mail me@example.com; "
                + "see Fig.3, Sec. 4.2 and results.The end")).isEmpty();
        assertThat(urls("GitHub.com/Owner/Repo and https://github.com/Owner/Repo")).containsExactly("https://github.com/Owner/Repo");
    }

    @Test
    void urlsGluedTogetherAreTwoLinks() {
        assertThat(urls("https://a.example.com/x,https://b.example.com/y"))
                .containsExactly("https://a.example.com/x", "https://b.example.com/y");
        assertThat(urls("archived at https://web.archive.org/web/2020/https://example.com/page."))
                .containsExactly("https://web.archive.org/web/2020/https://example.com/page");
    }

    @Test
    void offsetsHoldWhenLowerCasingChangesTheLength() {
        assertThat(urls("İstanbul İİ team: https://github.com/a/b")).containsExactly("https://github.com/a/b");
        assertThat(LinkExtractor.blankUrls("İ https://x.org/y z")).isEqualTo("İ " + " ".repeat("https://x.org/y".length()) + " z");
    }

    @Test
    void schemeAndHostAreNormalizedAndDuplicatesKeptOnce() {
        assertThat(urls("HTTPS://GitHub.com/Owner/Repo and https://github.com/Owner/Repo and https://github.com:443/Owner/Repo"))
                .containsExactly("https://github.com/Owner/Repo");
        assertThat(urls("https://nvlm-project.github.io/.")).containsExactly("https://nvlm-project.github.io");
        assertThat(urls("no links here, only http:// and https://")).isEmpty();
    }

    @Test
    void linksAreClassifiedBySiteConventions() {
        assertThat(one("https://github.com/owner/repo.git")).isEqualTo(link("code", "owner/repo"));
        assertThat(one("https://github.com/owner/repo/tree/main/src")).isEqualTo(link("code", "owner/repo"));
        assertThat(one("https://github.com/owner")).isEqualTo(link("profile", "owner"));
        assertThat(one("https://github.com/orgs/owner/repositories")).isEqualTo(link("profile", "owner"));
        assertThat(one("https://huggingface.co/meta-llama/Llama-2-7b")).isEqualTo(link("model", "meta-llama/Llama-2-7b"));
        assertThat(one("https://hf.co/datasets/nvidia/HelpSteer2")).isEqualTo(link("dataset", "nvidia/HelpSteer2"));
        assertThat(one("https://huggingface.co/spaces/owner/demo")).isEqualTo(link("space", "owner/demo"));
        assertThat(one("https://owner-demo.hf.space")).isEqualTo(link("space", "owner-demo"));
        assertThat(one("https://huggingface.co/collections/owner/set-123")).isEqualTo(link("collection", "owner/set-123"));
        assertThat(one("https://huggingface.co/nvidia")).isEqualTo(link("organization", "nvidia"));
        assertThat(one("https://huggingface.co/papers/2403.01234")).isEqualTo(link("paper", "2403.01234"));
        assertThat(one("https://arxiv.org/abs/2403.01234v3")).isEqualTo(link("paper", "2403.01234"));
        assertThat(one("http://arxiv.org/pdf/2403.01234v2.pdf")).isEqualTo(link("paper", "2403.01234"));
        assertThat(one("https://arxiv.org/abs/hep-th/9901001")).isEqualTo(link("paper", "hep-th/9901001"));
        assertThat(one("https://team.github.io/project/")).isEqualTo(link("project-page", "team.github.io/project"));
        assertThat(one("https://www.example.com/about")).isEqualTo(link("website", "example.com"));
    }

    private List<String> urls(String text) {
        return extractor.extract(text).stream().map(Link::url).toList();
    }

    private String one(String url) {
        List<Link> links = extractor.extract("see " + url + " for details");
        assertThat(links).hasSize(1);
        return links.get(0).kind().label() + " " + links.get(0).target();
    }

    private static String link(String kind, String target) {
        return kind + " " + target;
    }
}
