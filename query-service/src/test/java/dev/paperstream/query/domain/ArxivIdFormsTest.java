package dev.paperstream.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArxivIdFormsTest {

    @ParameterizedTest
    @CsvSource({
            "2403.09611, 2403.09611",
            "2403.09611v2, 2403.09611",
            "arXiv:2403.09611v2, 2403.09611",
            "ARXIV:2403.09611, 2403.09611",
            "arxiv-2403.09611, 2403.09611",
            "arxiv-2403.09611v12, 2403.09611",
            "0704.0001, 0704.0001",
            "hep-th/9901001, hep-th/9901001",
            "arXiv:hep-th/9901001v1, hep-th/9901001",
            "arxiv-hep-th_9901001, hep-th/9901001",
            "math.AG/0601001, math.AG/0601001",
    })
    void readsTheFormsPeopleWrite(String written, String arxivId) {
        assertThat(ArxivIdForms.parse(written)).contains(arxivId);
    }

    @ParameterizedTest
    @CsvSource({"title-abcdef0123456789", "2403.096", "arxiv 2403.09611", "2403.09611v", "HEP-TH/9901001",
            "hep-th/990100", "arxiv-", "related"})
    void otherTextIsNoArxivId(String written) {
        assertThat(ArxivIdForms.parse(written)).isEmpty();
    }
}
