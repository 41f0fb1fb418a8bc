package io.couriermq.remoting.protocol.header.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.SerializeType;
import io.couriermq.remoting.protocol.header.CommandHeader;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broker header survives the frame codec in both serialize types, writes exactly the wire keys
 * of the protocol tables, and refuses to decode without each of its required fields.
 */
class BrokerHeaderRoundTripTest {

    static Stream<HeaderCase> cases() {
        return Stream.concat(MessagingHeaderCases.all().stream(), AdminHeaderCases.all().stream());
    }

    static Stream<Arguments> casesInBothTypes() {
        return cases().flatMap(c -> Stream.of(SerializeType.values()).map(type -> Arguments.of(c, type)));
    }

    static Stream<Arguments> requiredKeys() {
        return cases().flatMap(c -> c.requiredKeys().stream().map(key -> Arguments.of(c, key)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("casesInBothTypes")
    void decodesToTheHeaderItWasBuiltFrom(HeaderCase headerCase, SerializeType type) {
        RemotingCommand sent = headerCase.command().serializeType(type).build();

        RemotingCommand received = Frames.roundTrip(sent);

        assertThat(received.serializeType()).isEqualTo(type);
        assertThat(received.extFields()).isEqualTo(sent.extFields());
        assertThat((Object) received.decodeHeader(headerCase.decoder())).isEqualTo(headerCase.header());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesExactlyTheWireKeys(HeaderCase headerCase) {
        RemotingCommand command = headerCase.command().build();

        assertThat(command.extFields().keySet()).containsExactlyInAnyOrderElementsOf(headerCase.writtenKeys());
        assertThat(headerCase.writtenKeys()).containsAll(headerCase.requiredKeys());
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredKeys")
    void aMissingRequiredFieldIsNamed(HeaderCase headerCase, String key) {
        Map<String, String> fields = new HashMap<>(headerCase.command().build().extFields());
        fields.remove(key);
        RemotingCommand incomplete =
                RemotingCommand.request(headerCase.code()).extFields(fields).build();

        assertThatThrownBy(() -> incomplete.decodeHeader(headerCase.decoder()))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("'" + key + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unknownExtFieldsAreIgnored(HeaderCase headerCase) {
        RemotingCommand command = headerCase
                .command()
                .extField("ReqT", "0")
                .extField("nsd", "false")
                .extField("AccessKey", "ak")
                .build();

        assertThat((Object) command.decodeHeader(headerCase.decoder())).isEqualTo(headerCase.header());
    }

    @Test
    void everyHeaderOfThePackageHasACase() {
        Set<String> headers = new ClassFileImporter()
                .importPackages(PullSysFlag.class.getPackageName()).stream()
                        .filter(c -> c.isAssignableTo(CommandHeader.class) && !c.isInterface() && !c.isAnonymousClass())
                        .map(JavaClass::getName)
                        .collect(Collectors.toSet());
        Set<String> covered = cases().map(c -> c.header().getClass().getName()).collect(Collectors.toSet());

        assertThat(headers).isNotEmpty();
        assertThat(covered).containsAll(headers);
    }
}
