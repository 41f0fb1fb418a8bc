package io.couriermq.acl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPatternTest {

    /** Every row gives the same answer as RocketMQ 5.2.0's RemoteAddressStrategyFactory (compared once by hand). */
    @ParameterizedTest(name = "''{0}'' vs {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                          | 127.0.0.1      | false",
                "*                           | 10.1.2.3       | true",
                "*.*.*.*                     | 10.1.2.3       | true",
                "*:*:*:*:*:*:*:*             | ::1            | true",
                "192.168.0.1                 | 192.168.0.1    | true",
                "192.168.0.1                 | 192.168.0.2    | false",
                "192.168.0.1,192.168.0.2     | 192.168.0.2    | true",
                "192.168.0.1,192.168.0.2     | 192.168.0.3    | false",
                "192.168.1.{1,2,3}           | 192.168.1.3    | true",
                "192.168.1.{1,2,3}           | 192.168.1.4    | false",
                "192.168.1.*                 | 192.168.1.200  | true",
                "192.168.1.*                 | 192.168.2.1    | false",
                "192.168.*.*                 | 192.168.77.1   | true",
                "192.168.1.10-20             | 192.168.1.10   | true",
                "192.168.1.10-20             | 192.168.1.20   | true",
                "192.168.1.10-20             | 192.168.1.21   | false",
                "192.168.10-20.*             | 192.168.15.99  | true",
                "192.168.10-20.*             | 192.168.21.1   | false",
                "127.0.0.1                   | ::1            | false",
                "::1                         | ::1            | true",
                "::1                         | 0:0:0:0:0:0:0:1 | true",
                "1050:0:0:0:5:600:300c:326b  | 1050::5:600:300C:326B | true",
                "1050::5:600:300c:326b,::1   | ::1            | true",
                "1050:0:0:0:5:600:300c:{1,2} | 1050::5:600:300c:2 | true",
                "1050:0:0:0:5:600:300c:*     | 1050::5:600:300c:ffff | true",
                "1050:0:0:0:5:600:1-a:*      | 1050::5:600:b:1 | false",
                "1050:0:0:0:5:600:1-a:*      | 1050::5:600:a:1 | true",
                "1050::300c:*                | 1050::300c:1   | true",
                "192.*.*.*                   | 192.2.1.3      | true",
                "127.0.0.1                   | not-an-ip      | false",
            })
    void matches(String pattern, String ip, boolean expected) {
        assertThat(AddressPattern.parse(pattern).matches(ip)).isEqualTo(expected);
    }

    /** Each refused by RocketMQ 5.2.0 as well, except 192.168.*.1, which it reads as 192.168.*.* (see the class). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "192.168.1",
                "192.168.1.256",
                "192.168.1.20-10",
                "192.168.*.1",
                "192.168.1.-5",
                "192.{1,2}.1.1",
                "host.example.com",
                "192.168.0.1,nope",
                "1050:::1",
            })
    void badPatternsAreRefusedWithTheirText(String pattern) {
        assertThatThrownBy(() -> AddressPattern.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad address pattern '" + pattern + "'");
    }
}
