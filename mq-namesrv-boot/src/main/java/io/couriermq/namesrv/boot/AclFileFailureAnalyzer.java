package io.couriermq.namesrv.boot;

import io.couriermq.acl.file.AclFileException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * An accounts file that cannot be used (courier.namesrv.acl-enable=true) as Spring Boot's short "APPLICATION
 * FAILED TO START" report naming the file and line, instead of a lifecycle stack trace.
 */
final class AclFileFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AclFileException file) {
                return new FailureAnalysis(
                        "The NameServer's accounts file cannot be used: " + file.getMessage(),
                        "Fix the file (RocketMQ's plain_acl.yml format), point courier.namesrv.acl-file at another,"
                                + " or turn courier.namesrv.acl-enable off.",
                        file);
            }
        }
        return null;
    }
}
