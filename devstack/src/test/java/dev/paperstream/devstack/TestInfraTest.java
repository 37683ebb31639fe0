package dev.paperstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

class TestInfraTest {

    @Test
    void explicitSettingsWinWhateverDockerSays() {
        assertThat(TestInfra.choose("containers", () -> false)).isEqualTo(TestInfra.CONTAINERS);
        assertThat(TestInfra.choose("local", () -> true)).isEqualTo(TestInfra.LOCAL);
        assertThat(TestInfra.choose(" Local ", () -> true)).isEqualTo(TestInfra.LOCAL);
    }

    @Test
    void autoFollowsWhetherDockerAnswers() {
        assertThat(TestInfra.choose("auto", () -> true)).isEqualTo(TestInfra.CONTAINERS);
        assertThat(TestInfra.choose("auto", () -> false)).isEqualTo(TestInfra.LOCAL);
        assertThat(TestInfra.choose("", () -> false)).isEqualTo(TestInfra.LOCAL);
    }

    @Test
    void aMistypedSettingIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> TestInfra.choose("docker", () -> true))
                .hasMessageContaining("paperstream.test.infra is 'docker'");
    }

    /** One Kafka version everywhere: the build's jars, the tests' default image and compose's default image. */
    @Test
    void theDefaultBrokerImagesAreTheBuildsKafkaVersion() throws Exception {
        String compose = Files.readString(Path.of(System.getProperty("paperstream.project.dir"), "docker-compose.yml"));
        Matcher images = Pattern.compile("\\$\\{PAPERSTREAM_KAFKA_IMAGE:-([^}]+)}").matcher(compose);
        int found = 0;
        while (images.find()) {
            assertThat(images.group(1)).isEqualTo(ContainerInfra.officialKafkaImage());
            found++;
        }
        assertThat(found).as("Kafka images in docker-compose.yml").isPositive();
        assertThat(ContainerInfra.officialKafkaImage()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    }
}
